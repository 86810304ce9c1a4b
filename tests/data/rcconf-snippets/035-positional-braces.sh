set -- 1 2 3 4 5 6 7 8 9 ten eleven
a=${10} b=$10 c=${11:-none} d=${12:-none}
