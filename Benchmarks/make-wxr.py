#!/usr/bin/env python3
"""make-wxr.py: a large, deterministic WordPress export (WXR 1.2) for the import benchmark.

`make bench` has a row that times `gazette import wordpress` of a 400-post export and then
`gazette build` of the digest it produces. This script writes that export:

    python3 Benchmarks/make-wxr.py 400 /tmp/gazette-bench/site-400.xml
    python3 Benchmarks/make-wxr.py 40 small.xml --month 2024-07 --seed 3

It writes N published posts dated in the given month (default 2024-06), spread evenly over
the six sections of the sample digest (National, Economy, International Relations, Science
and Technology, Environment, Sports). Each body is 300-700 words, put together from the
paragraph, list, table, timeline and box templates below. About half the bodies are in the
classic editor's HTML (some with the bare, <p>-less paragraphs that TinyMCE saves) and half
in block-editor markup. Roughly 1 post in 5 has a table, 1 in 6 a timeline-shaped list and
1 in 4 a nested list. A few posts reference images under wp-content/uploads/ that are not
shipped, so the importer reports missing-image warnings for them; that is expected.

The output depends only on N, --month and --seed: the generator uses a seeded random.Random,
never the clock, so two runs with the same arguments give identical bytes. It is standard
library only and takes well under a second for N=400.

The element order, namespaces and CDATA use follow wp-admin/includes/export.php in
WordPress 6.x, which is also the shape of Tests/ImportTests/Fixtures/wordpress/site-export.xml.
"""

import argparse
import calendar
import datetime as dt
import json
import random
import re
import sys

SITE = "https://civic-ledger.example"
TZ_OFFSET = dt.timedelta(hours=5, minutes=30)  # the site's timezone, Asia/Kolkata

CATEGORIES = [  # term_id, slug, name
    (3, "national", "National"),
    (4, "economy", "Economy"),
    (5, "international-relations", "International Relations"),
    (6, "science-and-technology", "Science and Technology"),
    (7, "environment", "Environment"),
    (8, "sports", "Sports"),
]

AUTHORS = [  # id, login, display name, first, last
    (2, "ananya", "Ananya Rao", "Ananya", "Rao"),
    (3, "vikram", "Vikram Sethi", "Vikram", "Sethi"),
    (4, "farah", "Farah Qureshi", "Farah", "Qureshi"),
]

# Per section: subjects (used in prose, with a title form), the bodies that act, places, tags.
VOCAB = {
    "National": dict(
        subjects=[("the new criminal laws", "New Criminal Laws"), ("the delimitation exercise", "Delimitation"),
                  ("the census schedule", "Census Schedule"), ("the district courts backlog", "District Courts Backlog"),
                  ("the rural jobs scheme", "Rural Jobs Scheme"), ("the railway safety review", "Railway Safety Review"),
                  ("the police modernisation fund", "Police Modernisation"), ("the urban housing mission", "Urban Housing Mission"),
                  ("the tribal health programme", "Tribal Health Programme"), ("the school nutrition scheme", "School Nutrition Scheme"),
                  ("the disaster response plan", "Disaster Response Plan"), ("the forest rights claims", "Forest Rights Claims")],
        agencies=["the Union Home Ministry", "the Election Commission", "NITI Aayog", "the Law Commission",
                  "a parliamentary standing committee", "the Ministry of Rural Development"],
        places=["Bihar", "Odisha", "Assam", "Kerala", "Rajasthan", "Gujarat", "Uttarakhand", "Telangana"],
        tags=["Governance", "Parliament", "Federalism", "Welfare Schemes", "Judiciary"]),
    "Economy": dict(
        subjects=[("the GST Council agenda", "GST Council Agenda"), ("retail inflation", "Retail Inflation"),
                  ("the current account gap", "Current Account Gap"), ("bank credit growth", "Bank Credit Growth"),
                  ("the fiscal deficit path", "Fiscal Deficit Path"), ("the coal auction round", "Coal Auction Round"),
                  ("foreign portfolio flows", "Foreign Portfolio Flows"), ("the rupee's trading range", "The Rupee"),
                  ("the production-linked incentives", "Production-Linked Incentives"), ("MSME credit guarantees", "MSME Credit Guarantees"),
                  ("the wholesale price index", "Wholesale Prices"), ("crop insurance payouts", "Crop Insurance Payouts")],
        agencies=["the Reserve Bank", "the Finance Ministry", "SEBI", "the GST Council",
                  "the Department of Economic Affairs", "the National Statistics Office"],
        places=["Maharashtra", "Tamil Nadu", "Karnataka", "Punjab", "Uttar Pradesh", "West Bengal"],
        tags=["RBI", "Inflation", "Banking", "Taxation", "Trade"]),
    "International Relations": dict(
        subjects=[("the India-Maldives talks", "India-Maldives Talks"), ("the BRICS ministers' meeting", "BRICS Ministers Meet"),
                  ("the Quad working groups", "Quad Working Groups"), ("the Chabahar port agreement", "Chabahar Port"),
                  ("the India-EU trade negotiations", "India-EU Trade Talks"), ("the SCO summit preparations", "SCO Summit"),
                  ("the border talks with China", "Border Talks With China"), ("the Indian Ocean maritime dialogue", "Maritime Dialogue"),
                  ("the Gulf labour agreements", "Gulf Labour Agreements"), ("the India-Africa forum", "India-Africa Forum"),
                  ("the Central Asia connectivity plan", "Central Asia Connectivity"), ("the Security Council reform debate", "UNSC Reform")],
        agencies=["the Ministry of External Affairs", "the National Security Council Secretariat",
                  "the Indian mission in Geneva", "the foreign secretary's office"],
        places=["New Delhi", "Colombo", "Dhaka", "Kathmandu", "Male", "Thimphu"],
        tags=["Neighbourhood First", "Multilateralism", "Diplomacy", "Indo-Pacific", "Trade Deals"]),
    "Science and Technology": dict(
        subjects=[("the semiconductor fabrication plan", "Semiconductor Fabs"), ("the quantum mission", "Quantum Mission"),
                  ("the Gaganyaan crew module tests", "Gaganyaan Tests"), ("the national supercomputing grid", "Supercomputing Grid"),
                  ("the 5G roll-out in villages", "Rural 5G"), ("the deep ocean mission", "Deep Ocean Mission"),
                  ("the AI compute programme", "AI Compute Programme"), ("the genome sequencing project", "Genome Sequencing"),
                  ("the green hydrogen electrolyser trials", "Green Hydrogen Trials"), ("the small satellite launcher", "Small Satellite Launcher"),
                  ("the drone certification rules", "Drone Certification"), ("the open network for digital commerce", "Digital Commerce Network")],
        agencies=["ISRO", "the Department of Science and Technology", "MeitY", "CSIR",
                  "the Department of Biotechnology", "the Principal Scientific Adviser's office"],
        places=["Bengaluru", "Hyderabad", "Sriharikota", "Pune", "Chennai", "Thiruvananthapuram"],
        tags=["Space", "Artificial Intelligence", "Biotechnology", "Telecom", "Research"]),
    "Environment": dict(
        subjects=[("the heatwave action plans", "Heatwave Action Plans"), ("the tiger census results", "Tiger Census"),
                  ("the Ganga clean-up targets", "Ganga Clean-up"), ("the coastal regulation zone map", "Coastal Zone Map"),
                  ("the wetland conservation rules", "Wetland Rules"), ("the clean air programme", "Clean Air Programme"),
                  ("the plastic waste rules", "Plastic Waste Rules"), ("the mangrove restoration drive", "Mangrove Restoration"),
                  ("the green credit programme", "Green Credit Programme"), ("the forest fire season", "Forest Fire Season"),
                  ("the glacier lake monitoring", "Glacier Lake Monitoring"), ("the solar park clearances", "Solar Park Clearances")],
        agencies=["the Environment Ministry", "the Central Pollution Control Board", "the National Green Tribunal",
                  "the India Meteorological Department", "the Wildlife Institute of India"],
        places=["the Sundarbans", "Ladakh", "the Western Ghats", "Kutch", "the Nilgiris", "Sikkim"],
        tags=["Biodiversity", "Climate Change", "Pollution", "Conservation", "Renewable Energy"]),
    "Sports": dict(
        subjects=[("the Olympic qualification push", "Olympic Qualification"), ("the national athletics meet", "National Athletics Meet"),
                  ("the hockey pro league", "Hockey Pro League"), ("the chess olympiad squad", "Chess Olympiad Squad"),
                  ("the badminton world tour", "Badminton World Tour"), ("the wrestling federation elections", "Wrestling Federation Polls"),
                  ("the domestic cricket calendar", "Domestic Cricket Calendar"), ("the para-athletics programme", "Para-athletics"),
                  ("the football league licensing", "Football League Licensing"), ("the Khelo India games", "Khelo India Games"),
                  ("the shooting trials", "Shooting Trials"), ("the boxing selection policy", "Boxing Selection Policy")],
        agencies=["the Sports Ministry", "the Sports Authority of India", "the Indian Olympic Association",
                  "the national federation"],
        places=["Patiala", "Bhubaneswar", "Guwahati", "Kolkata", "Bengaluru", "Delhi"],
        tags=["Olympics", "Cricket", "Hockey", "Athletics", "Sports Governance"]),
}

ANGLES = ["What Changes Now", "Five Points to Remember", "The Debate Explained", "Where Things Stand",
          "Why It Matters", "A Closer Look", "Questions That Remain", "The Road Ahead", "Key Numbers",
          "What the States Say", "An Exam Primer", "The Fine Print", "Lessons From the Pilot",
          "Who Gains, Who Pays", "Timeline and Targets"]

HEADINGS = ["Background", "What has been decided", "The debate", "On the ground", "What to watch",
            "The exam angle", "How it will work", "The numbers", "Open questions"]

# Paragraph templates. Slots: {subject} {agency} {Agency} {place} {num} {pct} {day} {month}.
PARAGRAPHS = [
    "{Agency} set out its plans for {subject} on {day} {month}, saying the first phase would cover {place} "
    "before the rest of the country. The announcement follows months of consultation with States, experts "
    "and the public, and officials expect the details to be notified within {num} weeks.",
    "Supporters argue that work on {subject} has been overdue for years. Critics accept the goal but question "
    "the timeline, pointing out that similar efforts in the past lost momentum once the first tranche of "
    "money was spent and the attention of ministries moved elsewhere.",
    "The numbers tell part of the story. Spending linked to {subject} has risen by about {pct}% over three "
    "years, yet the share that reaches the district level remains small, and audits have repeatedly flagged "
    "delays in releasing funds to the agencies that do the work on the ground.",
    "For the examination, connect {subject} with the relevant constitutional provisions and with the "
    "recommendations of earlier committees. Recent papers have asked candidates to weigh efficiency against "
    "accountability, so prepare two or three arguments on each side.",
    "In {place}, where the change will be felt first, local officials described the preparations as uneven. "
    "Some districts have trained staff and opened help desks; others are still waiting for the software and "
    "the guidelines that were promised at the start of the year.",
    "A useful comparison is with how other large democracies handle {subject}. Most rely on a mix of central "
    "standards and local delivery, and the better systems publish regular data so that citizens and "
    "researchers can see what is working and what is not.",
    "{Agency} has said it will review progress every quarter. That review, if its findings are made public, "
    "would be the first systematic look at {subject} since the present framework was put in place, and it "
    "could shape allocations for the next financial year.",
    "Three questions remain open: who pays, who monitors, and what happens when targets are missed. Until "
    "they are answered, {subject} is likely to remain a promise rather than a programme, however strong the "
    "political backing for it today.",
    "Experts at a consultation in {place} stressed the need for reliable data. Without a baseline, they "
    "argued, nobody can say whether {subject} is improving outcomes or simply moving money from one account "
    "to another.",
    "The timing matters as well. With Parliament due to meet and several State elections on the horizon, "
    "the government is keen to show results on {subject} quickly, which may explain the compressed schedule "
    "announced this {month}.",
    "Private companies and civil-society groups have both been invited to take part. Their role would be "
    "limited to delivery and feedback; the standards, and the final word on funding, would stay with "
    "{agency}.",
    "Note the difference between an announcement and a notified rule. Only the second has the force of law, "
    "and in the case of {subject} the notification is expected only after a further round of comments "
    "lasting {num} weeks.",
    "Past experience offers some lessons. When a similar plan was tried in a handful of districts, the "
    "results were encouraging where local officers had the freedom to adapt it, and disappointing where they "
    "were told to follow a single template.",
    "Opposition parties have welcomed the aim but asked for the details to be placed before a parliamentary "
    "committee. They argue that {subject} touches the powers of the States and should not be settled by "
    "executive order alone.",
    "On balance, the direction is sensible and the ambition welcome. The real test will come over the next "
    "{num} months, when the first reports from {place} and the other early States show whether the design "
    "survives contact with reality.",
    "Figures released with the announcement show a wide gap between the best and the worst performers. The "
    "leading districts already meet most of the proposed benchmarks, while those at the bottom fall short on "
    "more than {pct}% of them.",
    "Funding will be shared between the Centre and the States in the 60:40 ratio used for most centrally "
    "sponsored schemes, with the North-Eastern and Himalayan States paying a smaller share. Several finance "
    "ministers have asked for the ratio to be revisited.",
    "{Agency} also published a list of frequently asked questions. It makes clear that nobody will lose an "
    "existing entitlement during the transition, and that complaints can be filed online or at the nearest "
    "block office.",
    "Much will depend on people rather than paperwork. Officials in {place} say they need more trained staff, "
    "steady funding and a few years without a change of rules; none of the three can be taken for granted.",
    "There is also a technology question. The portal built for {subject} has to work on cheap phones and slow "
    "connections, in a dozen languages, and it has to keep personal data safe, which earlier portals did not "
    "always manage.",
    "Seen from {place}, the debate in the capital can look distant. What people there ask about most is "
    "simple: when the change will reach them, whom to ask when something goes wrong, and whether the promise "
    "will outlast the next budget.",
    "The plan is not starting from zero. Pieces of it already exist in State schemes, and the task for "
    "{agency} is partly to stitch these together and partly to fill the gaps between them without slowing "
    "down what already works.",
]

INTROS = [
    "{Agency} has announced a fresh push on {subject}, with a first review due in {num} weeks.",
    "A new framework for {subject} was released on {day} {month}, and the States have been asked to respond quickly.",
    "The debate over {subject} returned to the headlines this {month}, after {agency} published its latest figures.",
    "{Agency} wants {subject} to show visible results within a year, beginning in {place}.",
]

POINTS = ["The first phase covers {place} and a few neighbouring States.", "Progress will be reviewed every quarter.",
          "Complaints can be filed online or at block offices.", "A parliamentary committee may examine the details.",
          "Costs are shared between the Centre and the States.", "The final rules are expected within {num} weeks.",
          "Existing beneficiaries keep their entitlements during the transition.",
          "Data on outcomes will be published district by district.", "An expert group will advise {agency}."]

NESTED = [("For citizens", ["Services move online, with help desks for those who need them.",
                            "Grievances get a fixed deadline for a reply."]),
          ("For the States", ["They draw up implementation plans within {num} months.",
                              "Their share of the cost follows the usual formula."]),
          ("For {agency}", ["It sets the standards and audits the results.",
                            "It publishes a progress report each quarter."])]

TIMELINE_EVENTS = ["A first draft of the policy is circulated for comment.", "An expert committee submits its report.",
                   "Pilot projects begin in a few districts.", "The programme is extended to every State.",
                   "Parliament passes the enabling law.", "A mid-term review recommends changes.",
                   "The revised framework is announced.", "The first independent evaluation is published."]

BOXES = [("Why in news?", "{Agency} released new guidelines on {subject} on {day} {month}."),
         ("Key facts", "The first phase covers {place}; a review is due in {num} weeks."),
         ("Exam focus", "Prepare the background of {subject} and two arguments for and against the new approach.")]

BOILERPLATE = ['<strong>To Download Monthly Current Affairs PDF <a href="' + SITE + '/monthly-pdf/">Click here</a></strong>',
               "Click here to get a free demo of our current affairs course"]


def cdata(text):
    """Wraps text in CDATA the way wxr_cdata() does, splitting any ]]> across two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def word_count(html):
    return len(re.sub(r"<[^>]+>", " ", html).split())


class Post:
    """Builds one body as a list of abstract pieces, then renders it for one editor."""

    def __init__(self, rng, category, subject, day, month_name):
        vocab = VOCAB[category]
        self.rng = rng
        agency = rng.choice(vocab["agencies"])
        self.slots = dict(subject=subject, agency=agency, Agency=agency[0].upper() + agency[1:],
                          place=rng.choice(vocab["places"]), num=rng.choice([4, 6, 8, 10, 12]),
                          pct=rng.choice([12, 18, 24, 30, 35, 40]), day=day, month=month_name)
        self.pieces = []
        self.words = 0

    def fill(self, template):
        return template.format(**self.slots)

    def add(self, piece, text_for_count):
        self.pieces.append(piece)
        self.words += word_count(text_for_count)


# Words of prose a body may reach before the boilerplate line (at most 9 words) is added.
BODY_LIMIT = 690


def build_body(post, rng, target, *, table, timeline, nested, image, box, boiler, year, image_src):
    paragraphs = rng.sample(PARAGRAPHS, len(PARAGRAPHS))
    intro = post.fill(rng.choice(INTROS))
    post.add(("p", intro), intro)
    if box:
        title, text = rng.choice(BOXES)
        post.add(("box", title, post.fill(text)), title + " " + post.fill(text))
    extras = []
    if nested:
        items = [("<strong>" + post.fill(t) + "</strong>", [post.fill(s) for s in subs]) for t, subs in NESTED]
        extras.append(("nested", items))
    if table:
        rows = [["Guidelines notified", f"{post.slots['month']} {year}", "<strong>Done</strong>"],
                [f"Pilot in {post.slots['place']}", "Second quarter", "<em>Under way</em>"],
                ["National roll-out", str(year + 1), "Planned"],
                ["First review", f"After {post.slots['num']} months", "Scheduled"]]
        extras.append(("table", ["Milestone", "Target", "Status"], rows[:rng.randint(3, 4)]))
    if timeline:
        n = rng.randint(5, 7)
        first = rng.randint(2004, year - 2 * n)
        years, y = [], first
        for _ in range(n - 1):
            years.append(y)
            y += rng.randint(1, 2)
        years.append(year)
        events = rng.sample(TIMELINE_EVENTS, len(years) - 1) + [post.fill("{Agency} announces the present plan in {month}.")]
        colon_inside = rng.random() < 0.5
        items = [(f"<strong>{y}:</strong> {e}" if colon_inside else f"<strong>{y}</strong>: {e}")
                 for y, e in zip(years, events)]
        extras.append(("ul", items, False))
    if image:
        extras.append(("img", image_src, "Illustration for " + post.slots["subject"], "Figure: " + post.slots["subject"]))
    rng.shuffle(extras)
    headings = rng.sample(HEADINGS, len(HEADINGS))
    i = 0
    while post.words < target and paragraphs:
        if i % 3 == 1 and headings:
            heading = headings.pop()
            post.add(("h", heading), heading)
        text = post.fill(paragraphs.pop())
        if post.words + word_count(text) > BODY_LIMIT:
            break
        post.add(("p", text), text)
        if extras and i % 2 == 1:
            piece = extras.pop()
            post.add(piece, piece_text(piece))
        if i == 2 and rng.random() < 0.4:
            items = [post.fill(x) for x in rng.sample(POINTS, rng.randint(3, 5))]
            post.add(("ul", items, rng.random() < 0.3), " ".join(items))
        i += 1
    for piece in extras:  # whatever did not find a place yet still goes in
        if post.words + word_count(piece_text(piece)) <= BODY_LIMIT:
            post.add(piece, piece_text(piece))
    if boiler:
        post.pieces.append(("p", rng.choice(BOILERPLATE)))


def piece_text(piece):
    kind = piece[0]
    if kind == "nested":
        return " ".join(t + " " + " ".join(s) for t, s in piece[1])
    if kind == "table":
        return " ".join(" ".join(r) for r in [piece[1]] + piece[2])
    if kind == "ul":
        return " ".join(piece[1])
    if kind == "img":
        return piece[3]
    return " ".join(str(x) for x in piece[1:])


# ---- renderers --------------------------------------------------------------------------

def render_classic(pieces, autop):
    out = []
    for piece in pieces:
        kind = piece[0]
        if kind == "p":
            out.append(piece[1] if autop else f"<p>{piece[1]}</p>")
        elif kind == "h":
            out.append(f"<h2>{piece[1]}</h2>")
        elif kind == "ul":
            tag = "ol" if piece[2] else "ul"
            indent = "\n \t" if autop else "\n"
            out.append(f"<{tag}>" + "".join(f"{indent}<li>{x}</li>" for x in piece[1]) + f"\n</{tag}>")
        elif kind == "nested":
            lis = "".join(f"\n<li>{t}\n<ul>" + "".join(f"\n<li>{s}</li>" for s in subs) + "\n</ul>\n</li>"
                          for t, subs in piece[1])
            out.append(f"<ol>{lis}\n</ol>")
        elif kind == "table":
            head = "".join(f"<th>{c}</th>" for c in piece[1])
            rows = "".join("\n<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in piece[2])
            out.append(f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>{rows}\n</tbody>\n</table>")
        elif kind == "img":
            _, src, alt, caption = piece
            out.append(f'[caption id="" align="aligncenter" width="640"]<img class="size-large" src="{src}" '
                       f'alt="{alt}" width="640" height="360" /> {caption}[/caption]')
        elif kind == "box":
            _, title, text = piece
            out.append(f'<div class="wp-block-group"><h4>{title}</h4>\n<p>{text}</p></div>')
    return ("\n\n" if autop else "\n").join(out)


def _attrs(a):
    return (" " + json.dumps(a, separators=(",", ":"))) if a else ""


def _g_items(items):
    out = []
    for it in items:
        if isinstance(it, tuple):
            text, subs = it
            out.append(f"<!-- wp:list-item -->\n<li>{text}{_g_list(subs, False)}</li>\n<!-- /wp:list-item -->")
        else:
            out.append(f"<!-- wp:list-item -->\n<li>{it}</li>\n<!-- /wp:list-item -->")
    return "\n\n".join(out)


def _g_list(items, ordered):
    tag = "ol" if ordered else "ul"
    return f"<!-- wp:list{_attrs({'ordered': True} if ordered else None)} -->\n<{tag}>{_g_items(items)}</{tag}>\n<!-- /wp:list -->"


def render_gutenberg(pieces, image_id):
    out = []
    for piece in pieces:
        kind = piece[0]
        if kind == "p":
            out.append(f"<!-- wp:paragraph -->\n<p>{piece[1]}</p>\n<!-- /wp:paragraph -->")
        elif kind == "h":
            out.append(f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{piece[1]}</h2>\n<!-- /wp:heading -->')
        elif kind == "ul":
            out.append(_g_list(piece[1], piece[2]))
        elif kind == "nested":
            out.append(_g_list(piece[1], True))
        elif kind == "table":
            head = "".join(f"<th>{c}</th>" for c in piece[1])
            rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in piece[2])
            out.append(f'<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr>{head}</tr></thead>'
                       f'<tbody>{rows}</tbody></table><figcaption class="wp-element-caption">Milestones</figcaption>'
                       f"</figure>\n<!-- /wp:table -->")
        elif kind == "img":
            _, src, alt, caption = piece
            a = {"id": image_id, "sizeSlug": "large", "linkDestination": "none"}
            out.append(f'<!-- wp:image{_attrs(a)} -->\n<figure class="wp-block-image size-large"><img src="{src}" '
                       f'alt="{alt}" class="wp-image-{image_id}"/><figcaption class="wp-element-caption">{caption}'
                       f"</figcaption></figure>\n<!-- /wp:image -->")
        elif kind == "box":
            _, title, text = piece
            heading = (f'<!-- wp:heading {{"level":4}} -->\n<h4 class="wp-block-heading">{title}</h4>\n<!-- /wp:heading -->'
                       if title != "Key facts" else f"<!-- wp:paragraph -->\n<p><strong>{title}</strong></p>\n<!-- /wp:paragraph -->")
            out.append(f'<!-- wp:group {{"layout":{{"type":"constrained"}}}} -->\n<div class="wp-block-group">{heading}\n\n'
                       f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->")
    return "\n\n".join(out)


# ---- the export --------------------------------------------------------------------------

def generate(n, month, seed):
    year, mon = map(int, month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    month_name = calendar.month_name[mon]
    rng = random.Random(f"make-wxr/{n}/{month}/{seed}")
    cats = [CATEGORIES[i % len(CATEGORIES)] for i in range(n)]
    rng.shuffle(cats)
    titles, slugs, posts, used_tags = set(), set(), [], {}
    for i in range(n):
        _, cat_slug, cat_name = cats[i]
        vocab = VOCAB[cat_name]
        subject, subject_title = rng.choice(vocab["subjects"])
        title = f"{subject_title}: {rng.choice(ANGLES)}"
        k = 2
        while title in titles:
            title = f"{subject_title}: {rng.choice(ANGLES)} (Part {k})"
            k += 1
        titles.add(title)
        slug = slugify(title)
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        day = 1 + (i * days) // n
        local = dt.datetime(year, mon, day, 6 + rng.randrange(14), rng.randrange(60), 0)
        post = Post(rng, cat_name, subject, day, month_name)
        post_id = 1000 + i
        image_src = f"{SITE}/wp-content/uploads/{year:04d}/{mon:02d}/bench-figure-{post_id}.png"
        build_body(post, rng, rng.randint(320, 680), table=rng.random() < 0.2, timeline=rng.random() < 1 / 6,
                   nested=rng.random() < 0.25, image=rng.random() < 0.08, box=rng.random() < 0.3,
                   boiler=rng.random() < 0.25, year=year, image_src=image_src)
        gutenberg = rng.random() < 0.5
        if gutenberg:
            body = render_gutenberg(post.pieces, 5000 + i)
        else:
            body = render_classic(post.pieces, autop=rng.random() < 0.3)
        tags = rng.sample(vocab["tags"], rng.randint(0, 3))
        for t in tags:
            used_tags.setdefault(t, None)
        excerpt = post.fill(rng.choice(INTROS)) if rng.random() < 0.4 else ""
        author = rng.choice(AUTHORS)
        posts.append(dict(id=post_id, title=title, slug=slug, local=local, author=author, body=body,
                          excerpt=excerpt, category=(cat_slug, cat_name), tags=tags, gutenberg=gutenberg))
    tag_ids = {name: 100 + j for j, name in enumerate(sorted(used_tags, key=str.lower))}
    return posts, tag_ids, (year, mon)


def write(posts, tag_ids, ym, out):
    year, mon = ym
    next_month = dt.datetime(year + (mon == 12), mon % 12 + 1, 1, 6, 0, 0)
    fmt = "%Y-%m-%d %H:%M:%S"
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n')
    w("<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->\n")
    w("<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->\n")
    w("<!-- You may use this file to transfer that content from one site to another. -->\n")
    w("<!-- This file is not intended to serve as a complete backup of your site. -->\n\n")
    w(f'\t<!-- generator="WordPress/6.5.4" created="{next_month:%Y-%m-%d %H:%M}" -->\n')
    w('<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
      '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
      '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
      '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
      '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n\n<channel>\n')
    w(f"\t<title>The Civic Ledger</title>\n\t<link>{SITE}</link>\n"
      "\t<description>Daily current affairs for civil-services aspirants</description>\n"
      f"\t<pubDate>{next_month:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n\t<language>en-US</language>\n"
      f"\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>{SITE}</wp:base_site_url>\n"
      f"\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n\n")
    for aid, login, display, first, last in AUTHORS:
        w(f"\t<wp:author><wp:author_id>{aid}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
          f"<wp:author_email>{cdata(login + '@civic-ledger.example')}</wp:author_email>"
          f"<wp:author_display_name>{cdata(display)}</wp:author_display_name>"
          f"<wp:author_first_name>{cdata(first)}</wp:author_first_name>"
          f"<wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>\n")
    w("\n")
    for tid, slug, name in sorted(CATEGORIES, key=lambda c: c[2].lower()):
        w(f"\t<wp:category>\n\t\t<wp:term_id>{tid}</wp:term_id>\n\t\t<wp:category_nicename>{cdata(slug)}</wp:category_nicename>\n"
          f"\t\t<wp:category_parent>{cdata('')}</wp:category_parent>\n\t\t<wp:cat_name>{cdata(name)}</wp:cat_name>\n"
          "\t</wp:category>\n")
    for name, tid in tag_ids.items():
        w(f"\t<wp:tag>\n\t\t<wp:term_id>{tid}</wp:term_id>\n\t\t<wp:tag_slug>{cdata(slugify(name))}</wp:tag_slug>\n"
          f"\t\t<wp:tag_name>{cdata(name)}</wp:tag_name>\n\t</wp:tag>\n")
    w("\n\t<generator>https://wordpress.org/?v=6.5.4</generator>\n\n")
    for p in posts:
        local = p["local"]
        gmt = local - TZ_OFFSET
        mod = local + dt.timedelta(minutes=23)
        terms = [("category", p["category"][0], p["category"][1])] + [("post_tag", slugify(t), t) for t in p["tags"]]
        terms.sort(key=lambda t: t[2].lower())
        w("\t<item>\n")
        w(f"\t\t<title>{cdata(p['title'])}</title>\n")
        w(f"\t\t<link>{SITE}/{local:%Y/%m/%d}/{p['slug']}/</link>\n")
        w(f"\t\t<pubDate>{gmt:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n")
        w(f"\t\t<dc:creator>{cdata(p['author'][1])}</dc:creator>\n")
        w(f'\t\t<guid isPermaLink="false">{SITE}/?p={p["id"]}</guid>\n')
        w("\t\t<description></description>\n")
        w(f"\t\t<content:encoded>{cdata(p['body'])}</content:encoded>\n")
        w(f"\t\t<excerpt:encoded>{cdata(p['excerpt'])}</excerpt:encoded>\n")
        w(f"\t\t<wp:post_id>{p['id']}</wp:post_id>\n")
        w(f"\t\t<wp:post_date>{cdata(local.strftime(fmt))}</wp:post_date>\n")
        w(f"\t\t<wp:post_date_gmt>{cdata(gmt.strftime(fmt))}</wp:post_date_gmt>\n")
        w(f"\t\t<wp:post_modified>{cdata(mod.strftime(fmt))}</wp:post_modified>\n")
        w(f"\t\t<wp:post_modified_gmt>{cdata((mod - TZ_OFFSET).strftime(fmt))}</wp:post_modified_gmt>\n")
        w(f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n")
        w(f"\t\t<wp:ping_status>{cdata('open')}</wp:ping_status>\n")
        w(f"\t\t<wp:post_name>{cdata(p['slug'])}</wp:post_name>\n")
        w(f"\t\t<wp:status>{cdata('publish')}</wp:status>\n")
        w("\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n")
        w(f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n")
        w(f"\t\t<wp:post_password>{cdata('')}</wp:post_password>\n")
        w("\t\t<wp:is_sticky>0</wp:is_sticky>\n")
        for domain, nicename, name in terms:
            w(f'\t\t<category domain="{domain}" nicename="{nicename}">{cdata(name)}</category>\n')
        meta = [("_edit_last", str(p["author"][0]))] + ([("footnotes", "")] if p["gutenberg"] else [])
        for k, v in meta:
            w(f"\t\t<wp:postmeta>\n\t\t<wp:meta_key>{cdata(k)}</wp:meta_key>\n"
              f"\t\t<wp:meta_value>{cdata(v)}</wp:meta_value>\n\t\t</wp:postmeta>\n")
        w("\t</item>\n")
    w("</channel>\n</rss>\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Write a deterministic WXR 1.2 export of N published posts.")
    ap.add_argument("n", type=int, help="number of posts")
    ap.add_argument("out", help="output file, or - for standard output")
    ap.add_argument("--month", default="2024-06", help="YYYY-MM the posts are dated in (default 2024-06)")
    ap.add_argument("--seed", type=int, default=0, help="varies the text while staying deterministic (default 0)")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N must be at least 1")
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.month):
        ap.error("--month must look like 2024-06")
    posts, tag_ids, ym = generate(args.n, args.month, args.seed)
    if args.out == "-":
        write(posts, tag_ids, ym, sys.stdout)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            write(posts, tag_ids, ym, f)


if __name__ == "__main__":
    main()
