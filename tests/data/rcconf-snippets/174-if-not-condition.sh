if ! false; then a=1; fi
if ! [ -n "" ]; then b=1; fi
if ! true; then c=1; else c=2; fi
