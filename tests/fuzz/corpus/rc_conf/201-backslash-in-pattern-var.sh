x='a\*b'
case 'a*b' in $x) r1=m;; esac
case 'axb' in $x) r2=m;; *) r2=n;; esac
