"""Pattern pieces shared by the self-harm phrase rules (``self_harm_statements``, ``self_harm_colloquial``,
``self_harm_signals``), written in the readable rule syntax of ``phrases``.
"""

from __future__ import annotations

I_AM = "(?:i m|i am)"
I_HAVE = "(?:i ve|i have|i)"
SELF = "(?:myself|my self|meself|my life|it all)"
YOU = "(?:yourself|urself|your self|ur self|yaself|ya self|yourselves|yourselfs)"
PILLS = (
    "(?:my )?(?:tablets|pills|meds|medication|medicine|paracetamol|ibuprofen|co codamol|codeine|"
    "antidepressants|sleeping pills|sleeping tablets|insulin|sertraline|citalopram|fluoxetine|mirtazapine|"
    "amitriptyline|zopiclone|diazepam|tramadol|morphine|oramorph|propranolol|quetiapine|lithium|prescriptions)"
)
#: Substrings one of which every mention of PILLS holds (rule triggers).
PILL_TRIGGERS = (
    "tablet|pill|piil|meds|medic|parac|ibu|codamol|codeine|antidep|insulin|sertral|citalo|fluox|mirtaz|amitrip|"
    "zopic|diazep|tramad|morph|propran|quetia|lithium|iithium|prescrip"
)
ANYMORE = "(?:any ?more|no more)"
NOT_KITCHEN = (
    r"(?! (?:on|with) (?:the |my |a )?(?:oven|kettle|iron|stove|hob|pan|tray|straighteners|curling|tea|coffee))"
)
