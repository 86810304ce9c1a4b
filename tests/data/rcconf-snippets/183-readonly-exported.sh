export e=1
readonly e
readonly r=2
export r
