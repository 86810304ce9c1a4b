#@ error
a=1
b=${nope:?is required}
