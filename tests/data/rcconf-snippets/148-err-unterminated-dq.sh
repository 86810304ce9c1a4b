#@ error
a="open
