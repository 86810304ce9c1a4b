x=1 y=$x z=$y$x
x=2 w=$x
