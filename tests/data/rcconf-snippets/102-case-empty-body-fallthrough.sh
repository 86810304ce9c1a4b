case x in
x) ;;
*) r=wrong ;;
esac
s=$?
case y in
y)
esac
case z in z) a=1; b=2
esac
