"""coffeechat: plan, write, follow up and learn from informational interviews."""

__version__ = "0.1.0"
