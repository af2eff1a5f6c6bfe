"""The evaluation harness behind `steward eval`: labelled data sets, metrics, fairness and reports.

Importable without the ``eval`` extra; the functions that need scikit-learn, matplotlib or the baseline import
them when called and say how to install them (``pip install -e '.[eval]'``).

Import from the submodules (``steward.evaluation.runner``, ``.datasets``, ``.metrics`` and so on): this
package's ``__init__`` re-exports nothing, so that importing one piece does not load every detector and model.
"""
