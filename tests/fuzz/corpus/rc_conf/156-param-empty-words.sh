x=val
a=${x-} b=${unset-} c=${unset:-} d=${x+"quoted word"} e="${x:+}"
