HOMEISH=h
a="\$HOMEISH \`x\` \" \\ \a \n \{"
b="tab\	end"
c="trail\\"
