"""The cross-reference graph: every reference resolved, every derived relation computed once."""

from i4ms.graph.build import Graph, build_graph, load_graph
from i4ms.graph.call_status import CallStatus, call_status

__all__ = ["CallStatus", "Graph", "build_graph", "call_status", "load_graph"]
