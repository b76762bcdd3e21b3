"""The machinery of the command line (:mod:`policyconflict.cli`): one module per command, plus
reading and writing files (``_files``) and printing tables (``_output``)."""
