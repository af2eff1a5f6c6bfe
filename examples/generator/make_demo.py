from pathlib import Path
import json, random, sys
from datetime import datetime, timedelta, date, time
from zoneinfo import ZoneInfo
sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_texts_allow import ALLOW
from demo_texts_bad import BAD

rng = random.Random(20240704)
LONDON = ZoneInfo("Europe/London")

POSTS = {
 "vacc": "Our spring COVID-19 vaccination clinics open at Epsom Downs Racecourse and Woking Community Hospital from 15 April. Book through the NHS App or simply walk in.",
 "ae": "A&E at the Royal Surrey and East Surrey hospitals is extremely busy today. Please use NHS 111 online unless it is a life-threatening emergency, and help us keep emergency care for those who need it most.",
 "gp": "New from Monday: most GP practices in Surrey Heartlands will take appointment requests through the NHS App and practice websites, as well as by phone.",
 "wing": "The new surgical wing at St Peter's Hospital in Chertsey is officially open: four theatres, 60 beds and a day-surgery unit. Thank you to everyone who made it happen.",
 "flu": "Flu jabs are free for everyone aged 65 and over, pregnant women, carers and people with long-term health conditions. Ask your GP practice or local pharmacy.",
 "mh": "Struggling with your mental health? NHS Talking Therapies are free and you can refer yourself online. If you are in crisis, call NHS 111 and choose the mental health option.",
 "recruit": "We're recruiting! Join our community nursing teams across Surrey: flexible hours, NHS pension and a £3,000 welcome payment for newly registered nurses.",
 "maternity": "Our maternity team at East Surrey Hospital has been rated Good by the Care Quality Commission. Thank you to every midwife, maternity support worker and doctor.",
 "pharmacy": "Pharmacy First: your local pharmacy can now treat seven common conditions, including sore throat, earache and urinary tract infections, without a GP appointment.",
 "nhs111": "Need medical help fast but it's not a 999 emergency? Use NHS 111 online at 111.nhs.uk or call 111, 24 hours a day, seven days a week.",
}

FIRST = ["Priya","Tom","Gwen","Sam","Amira","Ruth","Lena","Idris","Mary","Chloe","Jack","Olu","Fatima","Ben","Hannah","Gary","Mo","Zoe","Dev","Aisha","Callum","Niamh","Rhys","Sian","Kwame","Mei","Joanna","Pete","Harjit","Rosa","Declan","Ellie","Yusuf","Margaret","Keith","Lucy","Arjun","Bethany","Ifeoma","Stuart","Agnieszka","Craig","Leah","Owen","Sunita","Marcus","Jade","Colin","Freya","Tariq"]
LAST = ["Shah","Ellery","Okafor","Whitfield","Khan","Adeyemi","Novak","Bello","Jones","Barker","Thompson","Adebayo","Hussain","Cole","Price","Moss","Farouk","Lin","Patel","Begum","Fraser","Doyle","Evans","Griffiths","Mensah","Chen","Kowalska","Harris","Sandhu","Silva","Byrne","Walsh","Ali","Pearson","Hughes","Wright","Nair","Collins","Eze","Campbell","Nowak","Reid","Murray","Lloyd","Rao","Grant","Stevens","Ward","Hall","Aziz"]

LOOKALIKES = [
 ("NHS Surrey Heartlands Support", "nhs_surreyheartlands_help"),
 ("NHS Surrey Heartlands \u2705", "NHSSurreyHeartIands"),
 ("NHS Surrey Heartland Team", "nhssurreyheartland.team"),
 ("NHS Surrey Heartlands Maternity", "nhs.surrey.maternity"),
 ("NHS Surrey Heartlands Refunds", "nhs_surrey_refunds"),
 ("Dr J. Wells (NHS Surrey Heartlands)", "drjwells_nhs"),
 ("NHS Surrey Heartlands HR", "nhssurreyheartlands_hr"),
]

PLATFORMS = ["facebook"] * 35 + ["x"] * 25 + ["instagram"] * 12 + ["youtube"] * 10 + ["linkedin"] * 10 + ["tiktok"] * 8

def nhs_number():
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1)))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        s = "".join(map(str, digits + [check]))
        return f"{s[:3]} {s[3:6]} {s[6:]}"

PURDAH = [(date(2024, 5, 25), date(2024, 7, 4)), (date(2026, 3, 23), date(2026, 5, 7))]

def in_purdah(d):
    return any(a <= d <= b for a, b in PURDAH)

def random_time(kind):
    if kind == "purdah":
        d = date(2024, 5, 25) + timedelta(days=rng.randrange(0, 40))
    else:
        earliest = {"political": date(2024, 7, 5), "copyright": date(2025, 1, 6)}.get(kind, date(2024, 1, 2))
        while True:
            d = earliest + timedelta(days=rng.randrange(0, (date(2026, 6, 30) - earliest).days))
            if kind != "political" or not in_purdah(d):
                break
    r = rng.random()
    if r < 0.45:
        h = rng.randrange(9, 16)          # inside monitored hours (if a weekday)
    elif r < 0.8:
        h = rng.randrange(16, 24)         # evenings
    else:
        h = rng.randrange(0, 9)           # night and early morning
    return datetime.combine(d, time(h, rng.randrange(60), rng.randrange(60)), tzinfo=LONDON)

def author_for(platform, impersonator=None):
    if impersonator:
        name, handle = impersonator
    else:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        handle = name.lower().replace(" ", rng.choice([".", "_", ""])) + (str(rng.randrange(10, 99)) if rng.random() < 0.4 else "")
    aid = f"{platform[:2]}-{rng.randrange(10**7, 10**8)}"
    if platform == "facebook":
        return {"display_name": name, "id": aid}
    if platform == "instagram" or platform == "tiktok":
        return {"handle": handle, "id": aid}
    return {"display_name": name, "handle": handle, "id": aid}

LONG = ("I want to set out everything that happened to my father over the past three months because I genuinely "
        "do not know who else to tell. ") + " ".join([
    "He was referred urgently by his GP in January and nobody contacted us for six weeks.",
    "When we chased, the referral had been lost between two departments and we were told to start again.",
    "The second appointment was cancelled the day before with no explanation and rebooked for a month later.",
    "At the appointment the consultant had not seen the scan results because they had been sent to the wrong hospital.",
    "We then waited four hours in the discharge lounge while pharmacy prepared his medication, only to find one item missing.",
] * 6) + " I am not blaming the staff, who were kind, but the system has failed him and I want someone to look at it properly."

records = []
imp_index = 0
for topic, text in ALLOW:
    records.append({"topic": topic, "text": text, "cats": [], "action": "allow"})
for topic, cats, action, text in BAD:
    if text == "LONG":
        text = LONG
    while "{NHS}" in text:
        text = text.replace("{NHS}", nhs_number(), 1)
    records.append({"topic": topic, "text": text, "cats": cats.split(), "action": action})

out = []
for rec in records:
    topic, cats = rec["topic"], rec["cats"]
    platform = rng.choice(PLATFORMS)
    if topic == "recruit" and rng.random() < 0.6:
        platform = "linkedin"
    impersonator = None
    if "impersonation" in cats:
        impersonator = LOOKALIKES[imp_index % len(LOOKALIKES)]
        imp_index += 1
        platform = rng.choice(["facebook", "x", "instagram"])
    if "political" in cats:
        when = random_time("purdah" if rec["action"] == "hide" else "political")
    elif "copyright" in cats:
        when = random_time("copyright")
    else:
        when = random_time("any")
    item = {
        "text": rec["text"],
        "platform": platform,
        "kind": "comment",
        "post": POSTS[topic],
        "author": author_for(platform, impersonator),
        "created_at": when.isoformat(),
        "direction": "inbound",
    }
    if rec["text"].startswith("@"):
        earlier = [r["text"] for r in records if r["topic"] == topic and r["action"] == "allow"][:2]
        item["kind"] = "reply"
        item["thread"] = earlier
    item["expected"] = {"categories": sorted(cats), "action": rec["action"]}
    item["_when"] = when
    out.append(item)

out.sort(key=lambda r: r["_when"])
lines = []
for n, item in enumerate(out, 1):
    del item["_when"]
    record = {"id": f"demo-{n:03d}", **item}
    lines.append(json.dumps(record, ensure_ascii=False))
open(Path(__file__).resolve().parents[1] / "demo-comments.jsonl", "w", encoding="utf-8").write("\n".join(lines) + "\n")
print(len(lines))
