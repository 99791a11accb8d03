"""Inbound Network Coach: all the logic, with no Streamlit in it.

The public interface the pages, tests and benchmarks use:
`load_connections`, `ICP`, `score`, `cluster_texts`, `simulate`, `schedule`, `checklist_csv`.
"""
