#@ error
a=1
done
