a=1 b=2
if [ $a = 1 ]; then
  if [ $b = 3 ]; then r=13
  elif [ $b = 2 ]; then
    if true; then r=12; fi
  fi
else
  r=none
fi
