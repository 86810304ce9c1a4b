#@ error
export 1abc=2
