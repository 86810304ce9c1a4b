for v in YES yes On TRUE 1 no Off false 0 maybe " yes"; do
  case $v in
  [Yy][Ee][Ss]|[Tt][Rr][Uu][Ee]|[Oo][Nn]|1) r="$r T" ;;
  [Nn][Oo]|[Ff][Aa][Ll][Ss][Ee]|[Oo][Ff][Ff]|0) r="$r F" ;;
  *) r="$r ?" ;;
  esac
done
