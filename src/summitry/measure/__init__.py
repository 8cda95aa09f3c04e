"""The measure stage: quantities (money, percentages, counts) and calendar times in a text view."""

from summitry.measure.quantities import extract_quantities
from summitry.measure.times import extract_times

__all__ = ["extract_quantities", "extract_times"]
