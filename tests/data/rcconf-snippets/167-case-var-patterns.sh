alts=x
for v in a x y; do
  case $v in
  $alts|y) r="$r $v:alt" ;;
  *) r="$r $v:other" ;;
  esac
done
