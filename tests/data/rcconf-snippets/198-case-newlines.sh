case "$unset" in
"")
  r=empty
  ;;
*)
  r=set
  ;;
esac
