v=hello.conf
case $v in
*.sh) r1=sh ;;
*.conf) r1=conf ;;
*) r1=other ;;
esac
case "x" in
(x) r2=paren ;;
esac
case $v in hello*|bye*) r3=either;; esac
case a in b) r4=no;; esac
