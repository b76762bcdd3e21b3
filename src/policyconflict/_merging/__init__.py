"""The machinery of :mod:`policyconflict.merge`: the rule table, merging the definitions of one
id, and merging stories."""
