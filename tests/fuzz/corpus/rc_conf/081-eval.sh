name=web
eval "jail_${name}_ip=192.0.2.1"
eval jail_${name}_host=web.example.org
eval 'quoted=$name'
cmd='x=1; y=2'
eval $cmd
eval
eval ""
