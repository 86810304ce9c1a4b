v=b
if [ $v = a ]; then r=A
elif [ $v = b ]; then r=B
else r=other
fi
if false; then s=no; fi
st=$?
if true
then
  t=yes
fi
