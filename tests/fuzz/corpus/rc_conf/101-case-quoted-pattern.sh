p='a*'
case abc in $p) r1=unquoted_var;; esac
case abc in "$p") r2=quoted_var;; *) r2=nomatch;; esac
case 'a*' in "$p") r3=literal;; esac
case abc in 'a'*) r4=mixed;; esac
