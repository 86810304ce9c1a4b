for v in a7 B z9 "a b" '*' '' '[x]'; do
  case $v in
  [a-c][0-9]) r="$r lowdigit" ;;
  [[:upper:]]) r="$r upper" ;;
  [!a-y]?) r="$r notay" ;;
  "a b") r="$r space" ;;
  \*) r="$r star" ;;
  "") r="$r empty" ;;
  \[x\]) r="$r bracket" ;;
  esac
done
