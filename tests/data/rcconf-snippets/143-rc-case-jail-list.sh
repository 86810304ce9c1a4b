jail_list="a b c"
for j in $jail_list; do
  case $j in
  b) ;;
  *) eval "jail_${j}_enable=YES" ;;
  esac
done
