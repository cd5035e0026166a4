"""The site search: which words a reader's query stands for, and (to come) the index it is
answered from. Pure functions of the knowledge base, like the views."""
