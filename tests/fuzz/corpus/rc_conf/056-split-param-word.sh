for w in ${unset:-a b c}; do out="$out<$w>"; done
for w in ${unset:-"a b" c}; do out2="$out2<$w>"; done
for w in "${unset:-a b c}"; do out3="$out3<$w>"; done
