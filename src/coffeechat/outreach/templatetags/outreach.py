from django import template

register = template.Library()


@register.filter
def grouped_findings(findings):
    """Findings with repeats folded together: the same rule saying the same thing N times
    shows once, with N, so one real problem isn't buried under twenty copies of another."""
    groups: dict[tuple, list] = {}
    for finding in findings:
        key = (finding.rule, finding.severity, finding.message)
        groups.setdefault(key, []).append(finding)
    return [{"finding": items[0], "count": len(items)} for items in groups.values()]
