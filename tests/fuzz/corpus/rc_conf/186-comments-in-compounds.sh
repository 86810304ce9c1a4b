if true; then # comment after then
  # comment line
  a=1 # trailing
fi # after fi
case x in # after in
  # before pattern
  x) b=2 ;; # after ;;
esac
f() { # in function
  c=3
}
f
