f1() { a=1; }
f2()
{
  b=2
}
f3 ( ) { c=3; }
f4() if true; then d=4; fi
f5() for i in 5; do e=$i; done
f1; f2; f3; f4; f5
