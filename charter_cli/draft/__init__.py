"""Draft stage: assemble the numbered draft, judge placement, compute coverage."""
