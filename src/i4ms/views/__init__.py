"""Layer 3, views: template-ready facts about the graph (links, cards, badges, dates, call
rows), computed once and shared by every output."""
