{ a=1; b=2; }
{ c=3
  d=4
}
true && { e=5; f=6; }
false || { g=7; }
