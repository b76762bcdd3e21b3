"""The machinery of :mod:`policyconflict.phrases`: a tokenizer and a recursive-descent parser in
layers, each a class built on the one below: the cursor (:mod:`._cursor`), fiscal phrases
(:mod:`._fiscal`), relative phrases (:mod:`._relative`), absolute dates (:mod:`._absolute`), and
ranges and the whole phrase (:mod:`._parser`)."""
