x=global
inner() { seen_in_inner=$x; x=changed_by_inner; }
outer() { local x=outer_local; inner; after_inner=$x; }
outer
final=$x
