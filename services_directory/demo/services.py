"""The demo directory's services: fictional, but like those a family hub directory lists.

Each entry is plain data. ``schedules`` rows are (days, opens, closes) with an optional fourth item
of options ("term" for term time only, "holidays" for school holidays only, or a dict of Schedule
fields). ``costs`` rows are (amount or None, what it is for, about the price). ``checked`` is how
many days before loading the listing was last checked (some are overdue for review on purpose).
``search_keywords`` are the "also known as" words families search with that the listing's own text
lacks (issue 9): indexed, never shown.
Phone numbers are in Ofcom's drama range; addresses are example.org.
"""

PHONE = "020 7946 0{:03d}"

SERVICES = [
    # --- Early learning and childcare --------------------------------------------------------
    {
        "slug": "stay-and-play-bramble-lane",
        "title": "Stay and play at Bramble Lane",
        "organisation": "bramble-family-trust",
        "categories": ["play-and-learning", "child-development-and-school-readiness"],
        "ages": (0, 5),
        "description": (
            "Drop in with your baby or young child for songs, messy play, stories and a snack. "
            "Meet other parents and ask our early years practitioners about anything from sleep "
            "to starting nursery."
        ),
        "search_keywords": "toddler group, baby group, playgroup",
        "eligibility": "Parents and carers with children under 5. No need to book.",
        "locations": ["bramble-lane"],
        "schedules": [("MO,WE,FR", "09:30", "11:30", "term"), ("SA", "10:00", "12:00")],
        "languages": ["en", "pl", "ta"],
        "phone": (101, "Centre reception"),
        "application_process": "Just come along. Please sign in at reception on your first visit.",
        "checked": 40,
    },
    {
        "slug": "funded-places-for-2-year-olds",
        "title": "Free early learning for 2 year olds",
        "organisation": "family-information-service",
        "categories": ["free-early-learning-for-2-year-olds"],
        "ages": (2, 2),
        "description": (
            "Some 2 year olds can get 15 hours a week of free early learning and childcare, for 38 "
            "weeks of the year, at a nursery, pre-school or childminder. We check whether you are "
            "eligible and help you find a place."
        ),
        "search_keywords": (
            "funded childcare, free childcare, nursery funding, 2 year old funding, "
            "funded nursery place, 15 hours free childcare"
        ),
        "eligibility": (
            "Families receiving certain benefits, children looked after by the council, and "
            "children "
            "with an education, health and care plan or Disability Living Allowance."
        ),
        "locations": ["information-hub"],
        "schedules": [("MO,TU,WE,TH,FR", "09:00", "17:00")],
        "delivery": ["in_person", "online", "phone"],
        "languages": ["en", "ar", "bn", "ur", "so", "pl", "ro"],
        "phone": (102, "Family Information Service"),
        "url": "https://www.example.org/northbrook/fis/2-year-olds",
        "application_process": "Check and apply online, or phone us and we will apply with you.",
        "checked": 20,
    },
    {
        "slug": "little-acorns-pre-school",
        "title": "Little Acorns community pre-school",
        "organisation": "little-acorns",
        "categories": ["sessional-care-and-creches", "free-early-learning-for-2-year-olds"],
        "ages": (2, 4),
        "description": (
            "A friendly community pre-school in Hollyfield. Funded places for 2, 3 and 4 year "
            "olds, "
            "with extra paid hours if you need them. Outdoor play every day."
        ),
        "search_keywords": "nursery, playgroup, 15 hours free childcare",
        "eligibility": (
            "Children aged 2 to 4. Funded hours depend on your child's age and your circumstances."
        ),
        "locations": ["hollyfield-hall"],
        "schedules": [
            ("MO,TU,WE,TH,FR", "09:00", "12:00", "term"),
            ("MO,TU,WE,TH,FR", "12:30", "15:30", "term"),
        ],
        "costs": [("6.50", "Per extra hour", "Funded hours are free; extra hours are charged.")],
        "languages": ["en", "pt"],
        "phone": (103, "Pre-school office"),
        "application_process": (
            "Visit us, then fill in a registration form. Places fill up each September."
        ),
        "checked": 300,
    },
    {
        "slug": "childminder-drop-in",
        "title": "Childminder network drop-in",
        "organisation": "council-early-years",
        "categories": ["childminders"],
        "ages": (0, 4),
        "description": (
            "Registered childminders and the children they care for meet for group play, training "
            "and "
            "support. Parents looking for a childminder can meet local childminders here too."
        ),
        "eligibility": "Registered childminders, and parents looking for a childminder.",
        "locations": ["wrenfield"],
        "schedules": [("TH", "09:30", "11:30", "term")],
        "languages": ["en"],
        "phone": (104, "Childminding development officer"),
        "checked": 420,
    },
    {
        "slug": "creche-at-poplar-grove",
        "title": "Crèche for adult learners",
        "organisation": "adult-learning",
        "categories": ["sessional-care-and-creches", "family-learning"],
        "ages": (0, 4),
        "description": (
            "A crèche for the children of parents taking a course at Poplar Grove, so you can "
            "learn "
            "while your child plays nearby."
        ),
        "eligibility": (
            "Children of parents enrolled on a course at Poplar Grove. Book when you enrol."
        ),
        "locations": ["poplar-grove"],
        "schedules": [
            ("MO,TU,WE,TH", "09:15", "12:15", "term"),
            ("TU,TH", "18:00", "20:30", "term"),
        ],
        "languages": ["en", "ro", "pl"],
        "phone": (105, "Crèche bookings"),
        "checked": 95,
    },
    {
        "slug": "ready-for-school-sessions",
        "title": "Ready for school",
        "organisation": "council-early-years",
        "categories": ["child-development-and-school-readiness"],
        "ages": (3, 4),
        "description": (
            "Six weekly sessions in the summer term for children starting reception in September: "
            "practising putting on a coat, sharing, listening to a story and saying goodbye."
        ),
        "eligibility": "Children starting school in September, with a parent or carer.",
        "locations": ["willowbrook", "kestrel-way"],
        "schedules": [("WE", "13:30", "15:00", "term")],
        "languages": ["en", "ar", "so"],
        "phone": (106, "Willowbrook reception"),
        "application_process": "Book a place at reception or by phone.",
        "checked": 60,
    },
    {
        "slug": "toy-library",
        "title": "Toy library",
        "organisation": "bramble-family-trust",
        "categories": ["play-and-learning"],
        "ages": (0, 7),
        "description": (
            "Borrow toys, puzzles and sensory equipment for up to three weeks. Includes adapted "
            "toys "
            "for children with additional needs."
        ),
        "eligibility": "Families living in the borough.",
        "locations": ["larkspur-library"],
        "schedules": [("TU", "10:00", "13:00"), ("SA", "10:00", "14:00")],
        "costs": [("1.00", "Per toy, per loan", "Free for families on Universal Credit.")],
        "languages": ["en"],
        "phone": (107, "Toy library"),
        "checked": 390,
    },
    # --- Parenting and family support --------------------------------------------------------
    {
        "slug": "incredible-years-course",
        "title": "Parenting course for parents of 3 to 8 year olds",
        "organisation": "starling-parenting",
        "categories": ["parenting-programmes"],
        "ages": (3, 8),
        "description": (
            "A 12-week group course on play, praise, setting limits and handling tantrums, with "
            "other parents who are going through the same. A free crèche is available."
        ),
        "search_keywords": "Incredible Years, behaviour problems, discipline, parenting classes",
        "eligibility": "Parents and carers of children aged 3 to 8.",
        "locations": ["oakfield-hub"],
        "schedules": [("TU", "09:30", "12:00", "term"), ("TH", "18:30", "20:30", "term")],
        "languages": ["en", "ur", "bn"],
        "phone": (108, "Course bookings"),
        "application_process": (
            "Refer yourself online or by phone, or ask your health visitor or school."
        ),
        "checked": 30,
    },
    {
        "slug": "teen-parenting-online",
        "title": "Living with teenagers: online course",
        "organisation": "starling-parenting",
        "categories": ["parenting-programmes"],
        "ages": (11, 18),
        "description": (
            "Eight evening sessions online for parents of teenagers: talking and listening, "
            "screens, "
            "staying safe and keeping calm when things get heated."
        ),
        "search_keywords": "help with teenagers, parenting teens, teenage behaviour",
        "eligibility": "Parents and carers of young people aged 11 to 18.",
        "schedules": [("WE", "19:00", "20:30")],
        "delivery": ["online"],
        "costs": [("25.00", "For the whole course", "Free places for families on a low income.")],
        "languages": ["en"],
        "phone": (109, "Course bookings"),
        "url": "https://www.example.org/starling/teenagers",
        "checked": 15,
    },
    {
        "slug": "family-outreach",
        "title": "Family outreach workers",
        "organisation": "council-early-years",
        "categories": ["family-outreach", "early-help"],
        "ages": (0, 5),
        "description": (
            "A family worker visits you at home to help with routines, sleep, behaviour, money "
            "worries "
            "or getting to appointments, for as long as you need it."
        ),
        "search_keywords": "home visits, family support worker, tantrums",
        "eligibility": "Families with children under 5 who would like extra help at home.",
        "locations": ["bramble-lane", "wrenfield"],
        "schedules": [("MO,TU,WE,TH,FR", "09:00", "17:00")],
        "delivery": ["in_person", "phone"],
        "languages": ["en", "pl", "ro", "ar", "so"],
        "phone": (110, "Early help duty line"),
        "application_process": "Call us or ask any professional you know to refer you.",
        "checked": 200,
    },
    {
        "slug": "relationship-support",
        "title": "Parents as partners: relationship support",
        "organisation": "starling-parenting",
        "categories": ["relationship-support"],
        "ages": (0, 16),
        "description": (
            "A 16-week group for couples, separated or together, to reduce conflict and help your "
            "children feel secure. Includes one-to-one sessions."
        ),
        "search_keywords": "co-parenting, separation, parental conflict, arguing",
        "eligibility": "Parents with children under 16, together or apart.",
        "locations": ["oakfield-hub"],
        "schedules": [("MO", "18:00", "20:00", "term")],
        "languages": ["en"],
        "phone": (111, "Course bookings"),
        "checked": 370,
    },
    {
        "slug": "dads-group",
        "title": "Saturday dads' group",
        "organisation": "bramble-family-trust",
        "categories": ["community-groups", "play-and-learning"],
        "ages": (0, 8),
        "description": "Dads, granddads and male carers meet for play, football and a bacon roll.",
        "eligibility": "Dads and male carers with children under 8.",
        "locations": ["hawthorn-park"],
        "schedules": [("SA", "09:30", "11:30")],
        "costs": [("2.00", "Per family", "Includes breakfast.")],
        "languages": ["en", "pt"],
        "phone": (112, "Bramble Family Trust"),
        "checked": 12,
    },
    {
        "slug": "early-help-front-door",
        "title": "Early help for families",
        "organisation": "council-early-years",
        "categories": ["early-help", "children-in-need-and-safeguarding"],
        "ages": (0, 18),
        "description": (
            "If your family is finding things hard, the early help team can put a plan in place "
            "with "
            "you and the people who already support you, before small worries become crises."
        ),
        "search_keywords": (
            "family support, struggling to cope, early help assessment, domestic abuse, "
            "school attendance"
        ),
        "eligibility": "Any family with children up to 18 living in the borough.",
        "locations": ["information-hub"],
        "schedules": [("MO,TU,WE,TH", "09:00", "17:00"), ("FR", "09:00", "16:30")],
        "delivery": ["in_person", "phone"],
        "languages": ["en", "ar", "bn", "ur", "so", "ta", "pl", "ro", "pt"],
        "phone": (113, "Early help duty line"),
        "email": "earlyhelp@example.org",
        "application_process": "Phone or email us yourself, or ask a professional to refer you.",
        "interpretation": "We book interpreters for any language, including British Sign Language.",
        "checked": 45,
    },
    {
        "slug": "young-parents-group",
        "title": "Young parents' group",
        "organisation": "community-health",
        "categories": ["family-nurse-partnership", "community-groups"],
        "ages": (0, 2),
        "description": (
            "A relaxed group for parents aged 24 and under and their babies, with a family nurse "
            "on "
            "hand. Lunch provided."
        ),
        "search_keywords": "young mums, young dads, teenage parents, teenage pregnancy",
        "eligibility": "Parents aged 24 and under with a baby under 2, or pregnant.",
        "locations": ["cedar-rise"],
        "schedules": [("TH", "12:00", "14:00", "term")],
        "languages": ["en"],
        "phone": (114, "Family Nurse Partnership"),
        "checked": 150,
    },
    # --- Health visiting and child health ----------------------------------------------------
    {
        "slug": "baby-clinic-juniper",
        "title": "Baby clinic at Juniper Health Centre",
        "organisation": "community-health",
        "categories": ["health-visiting"],
        "ages": (0, 1),
        "description": (
            "Have your baby weighed and talk to a health visitor about feeding, sleep, development "
            "or how you are feeling. No appointment needed."
        ),
        "search_keywords": "baby weighing, weigh-in, baby check, health visitor clinic",
        "eligibility": "Babies under 1 and their parents.",
        "locations": ["juniper-health"],
        "schedules": [("TU", "09:30", "12:00"), ("TH", "13:30", "15:30")],
        "languages": ["en", "ta", "ur"],
        "phone": (115, "Health visiting hub"),
        "checked": 25,
    },
    {
        "slug": "health-visiting-advice-line",
        "title": "Health visiting advice line",
        "organisation": "community-health",
        "categories": ["health-visiting"],
        "ages": (0, 5),
        "description": (
            "Speak to a health visitor on the phone about your child's health, growth, "
            "development, "
            "feeding or behaviour, or about your own wellbeing."
        ),
        "search_keywords": (
            "health visitor helpline, phone a health visitor, toddler behaviour, tantrums, "
            "potty training, weaning"
        ),
        "eligibility": "Parents and carers of children under 5.",
        "schedules": [("MO,TU,WE,TH,FR", "09:00", "17:00")],
        "delivery": ["phone"],
        "languages": ["en"],
        "phone": (116, "Advice line"),
        "interpretation": "Telephone interpreters are available in most languages.",
        "checked": 10,
    },
    {
        "slug": "antenatal-classes",
        "title": "Antenatal classes",
        "organisation": "community-health",
        "categories": ["midwifery-and-maternity"],
        "ages": (0, 0),
        "description": (
            "Free classes for you and your birth partner from 30 weeks of pregnancy: labour and "
            "birth, "
            "feeding your baby and the first weeks at home."
        ),
        "search_keywords": "pregnancy classes, birth preparation, parentcraft",
        "eligibility": "Pregnant women and people, and their birth partners.",
        "locations": ["meadowbank-clinic", "oakfield-hub"],
        "schedules": [("SA", "10:00", "13:00"), ("TU", "18:30", "20:30")],
        "languages": ["en", "pl", "ro", "bn"],
        "phone": (117, "Maternity bookings"),
        "application_process": "Your midwife books you on, or phone us from 24 weeks.",
        "checked": 55,
    },
    {
        "slug": "breastfeeding-cafe",
        "title": "Breastfeeding café",
        "organisation": "community-health",
        "categories": ["infant-feeding"],
        "ages": (0, 2),
        "description": (
            "Friendly help with breastfeeding and chestfeeding from trained peer supporters and an "
            "infant feeding specialist, with tea and cake."
        ),
        "search_keywords": "breastfeeding support, infant feeding, expressing milk",
        "eligibility": "Anyone feeding a baby, and pregnant parents thinking about feeding.",
        "locations": ["larkspur-library"],
        "schedules": [("FR", "10:00", "12:00")],
        "languages": ["en", "so", "ar"],
        "phone": (118, "Infant feeding team"),
        "checked": 380,
    },
    {
        "slug": "perinatal-peer-support",
        "title": "Perinatal peer support group",
        "organisation": "harbour-perinatal",
        "categories": ["perinatal-mental-health"],
        "ages": (0, 2),
        "description": (
            "A safe, non-judgemental group for parents feeling anxious, low or overwhelmed in "
            "pregnancy or after their baby arrives. Babies welcome."
        ),
        "search_keywords": "postnatal depression, mental health, anxiety, low mood",
        "eligibility": "Parents who are pregnant or have a baby under 2.",
        "locations": ["kestrel-way"],
        "schedules": [("WE", "10:30", "12:00")],
        "delivery": ["in_person", "online"],
        "languages": ["en", "pl"],
        "phone": (119, "Harbour support line"),
        "checked": 35,
    },
    {
        "slug": "speech-and-language-drop-in",
        "title": "Speech and language drop-in",
        "organisation": "community-health",
        "categories": ["child-development-and-school-readiness", "send"],
        "ages": (1, 5),
        "description": (
            "Worried about how your child is talking or understanding? See a speech and language "
            "therapist for advice, with no referral needed."
        ),
        "search_keywords": (
            "speech therapy, speech delay, late talker, toddler not talking, stammering"
        ),
        "eligibility": "Children aged 1 to 5 who have not started school.",
        "locations": ["willowbrook"],
        "schedules": [("MO", "13:30", "15:30"), ("MO", "16:00", "17:30")],
        "languages": ["en", "ur"],
        "phone": (120, "Children's therapies"),
        "checked": 500,
    },
    {
        "slug": "school-nursing-text",
        "title": "School nurse text service",
        "organisation": "community-health",
        "categories": ["health-visiting"],
        "ages": (11, 19),
        "description": (
            "Young people can text a school nurse for confidential advice about health, "
            "relationships, "
            "stress, sleep or anything else. Replies within one working day."
        ),
        "search_keywords": (
            "mental health, emotional wellbeing, anxiety, bullying, sexual health, self-harm, "
            "CAMHS referral"
        ),
        "eligibility": "Young people aged 11 to 19 at school or college in the borough.",
        "schedules": [("MO,TU,WE,TH,FR", "08:30", "16:30")],
        "delivery": ["online", "phone"],
        "languages": ["en"],
        "phone": (121, "Text the school nurse"),
        "checked": 65,
    },
    {
        "slug": "healthy-start-vitamins",
        "title": "Healthy Start vitamins and food help",
        "organisation": "community-health",
        "categories": ["healthy-eating", "benefits-and-debt-advice"],
        "ages": (0, 4),
        "description": (
            "Pick up free vitamins and get help to apply for Healthy Start, which helps pay for "
            "milk, "
            "fruit and vegetables."
        ),
        "search_keywords": "Healthy Start card, vouchers, free milk, formula milk",
        "eligibility": (
            "Pregnant people and families with children under 4 who receive certain benefits."
        ),
        "locations": ["juniper-health", "bramble-lane"],
        "schedules": [("TU,TH", "09:30", "16:00")],
        "languages": ["en", "bn", "ta"],
        "phone": (122, "Health visiting hub"),
        "checked": 220,
    },
    # --- Adult learning and employment -------------------------------------------------------
    {
        "slug": "english-for-parents",
        "title": "English for parents (ESOL)",
        "organisation": "adult-learning",
        "categories": ["language-literacy-and-numeracy", "family-learning"],
        "ages": (0, 11),
        "description": (
            "Improve your English for everyday life: talking to your child's school, the doctor "
            "and "
            "neighbours. Classes from beginner to intermediate, with a free crèche."
        ),
        "eligibility": "Parents and carers aged 19 or over whose first language is not English.",
        "locations": ["poplar-grove", "oakfield-hub"],
        "schedules": [("MO,WE", "09:30", "12:00", "term"), ("TU", "18:00", "20:00", "term")],
        "costs": [
            (None, "Free", "Free if you receive benefits or earn under the London Living Wage."),
            ("95.00", "Per term", "For everyone else."),
        ],
        "languages": ["en", "ar", "ro", "pl", "pt", "so"],
        "phone": (123, "Adult learning enrolments"),
        "application_process": "Come to an assessment session on a Monday, or book by phone.",
        "checked": 130,
    },
    {
        "slug": "maths-for-parents",
        "title": "Help your child with maths",
        "organisation": "adult-learning",
        "categories": ["family-learning", "language-literacy-and-numeracy"],
        "ages": (5, 11),
        "description": (
            "A six-week family learning course: learn how maths is taught in primary school today, "
            "and games to play at home."
        ),
        "eligibility": "Parents and carers of primary school children.",
        "locations": ["foxglove-school"],
        "schedules": [("TH", "09:00", "11:00", "term")],
        "languages": ["en"],
        "phone": (124, "Family learning team"),
        "checked": 75,
    },
    {
        "slug": "digital-skills-drop-in",
        "title": "Digital skills drop-in",
        "organisation": "adult-learning",
        "categories": ["language-literacy-and-numeracy", "jobs-and-careers-support"],
        "ages": None,
        "description": (
            "Get help using a phone, tablet or computer: email, online forms, school apps and "
            "staying "
            "safe online. Borrow a laptop or get free data."
        ),
        "search_keywords": "computer classes, internet, wifi, laptop loan",
        "eligibility": "Adults living in the borough.",
        "locations": ["larkspur-library", "information-hub"],
        "schedules": [("WE", "14:00", "16:00"), ("SA", "10:00", "12:00")],
        "languages": ["en", "ta", "ur"],
        "phone": (125, "Adult learning"),
        "checked": 410,
    },
    {
        "slug": "back-to-work-parents",
        "title": "Back to work for parents",
        "organisation": "adult-learning",
        "categories": ["jobs-and-careers-support"],
        "ages": None,
        "description": (
            "One-to-one careers advice for parents: CVs, interviews, flexible jobs and help with "
            "childcare costs while you train or start work."
        ),
        "search_keywords": "employment support, job search, return to work",
        "eligibility": (
            "Parents and carers aged 19 or over who are not working or want a better job."
        ),
        "locations": ["poplar-grove"],
        "schedules": [("TU,TH", "10:00", "15:00")],
        "delivery": ["in_person", "online", "phone"],
        "languages": ["en", "pl", "ro"],
        "phone": (126, "Employment support"),
        "checked": 18,
    },
    {
        "slug": "volunteer-at-a-childrens-centre",
        "title": "Volunteer at a children's centre",
        "organisation": "council-early-years",
        "categories": ["volunteering-at-childrens-centres", "apprenticeships-and-volunteering"],
        "ages": None,
        "description": (
            "Help run stay and play, the toy library or the welcome desk. Free training, a "
            "reference "
            "and travel expenses; a good first step back to work."
        ),
        "eligibility": "Adults aged 18 or over. We do a DBS check for free.",
        "locations": ["bramble-lane", "willowbrook", "wrenfield"],
        "schedules": [("MO,TU,WE,TH,FR", "09:00", "15:00")],
        "languages": ["en"],
        "phone": (127, "Volunteer coordinator"),
        "email": "volunteer@example.org",
        "checked": 90,
    },
    {
        "slug": "early-years-apprenticeships",
        "title": "Early years apprenticeships",
        "organisation": "adult-learning",
        "categories": ["apprenticeships-and-volunteering", "jobs-and-careers-support"],
        "ages": (16, 25),
        "description": (
            "Earn while you train as an early years practitioner in a local nursery, with a Level "
            "3 "
            "qualification at the end."
        ),
        "search_keywords": "childcare training, nursery jobs, early years qualification",
        "eligibility": "Young people aged 16 to 24, and older applicants for some places.",
        "schedules": [("MO,TU,WE,TH,FR", "09:00", "17:00")],
        "delivery": ["online", "phone"],
        "languages": ["en"],
        "phone": (128, "Apprenticeships team"),
        "url": "https://www.example.org/northbrook/apprenticeships",
        "checked": 365,
    },
    # --- Information and activities ----------------------------------------------------------
    {
        "slug": "family-information-service",
        "title": "Family Information Service",
        "organisation": "family-information-service",
        "categories": ["benefits-and-debt-advice", "free-early-learning-for-2-year-olds"],
        "ages": (0, 25),
        "description": (
            "Ask us about childcare, help with childcare costs, activities, holiday clubs and "
            "local "
            "support for families, including for children with SEND up to 25."
        ),
        "search_keywords": (
            "FIS, local offer, free childcare, funded childcare, tax-free childcare, "
            "childcare costs"
        ),
        "eligibility": "Anyone living or working in the borough.",
        "locations": ["information-hub"],
        "schedules": [("MO,TU,WE,TH,FR", "09:00", "17:00"), ("SA", "10:00", "13:00")],
        "delivery": ["in_person", "online", "phone"],
        "languages": ["en", "ar", "bn", "ur", "so", "ta", "pl", "ro", "pt"],
        "phone": (129, "Family Information Service"),
        "email": "fis@example.org",
        "checked": 5,
    },
    {
        "slug": "holiday-activities-and-food",
        "title": "Holiday activities and food",
        "organisation": "open-door-food",
        "categories": ["healthy-eating", "play-and-learning"],
        "ages": (5, 16),
        "description": (
            "Free holiday clubs with sport, crafts, cooking and a hot lunch in the school holidays."
        ),
        "search_keywords": "HAF, holiday club, summer holiday activities, half term",
        "eligibility": "Children aged 5 to 16 who get benefits-related free school meals.",
        "locations": ["hawthorn-park", "cedar-rise"],
        "schedules": [("MO,TU,WE,TH", "10:00", "14:00", "holidays")],
        "languages": ["en", "so"],
        "phone": (130, "Holiday clubs"),
        "alert": "Bookings for the summer holiday open on 1 June.",
        "checked": 28,
    },
    {
        "slug": "cook-and-eat",
        "title": "Cook and eat: family cooking club",
        "organisation": "open-door-food",
        "categories": ["healthy-eating", "family-learning"],
        "ages": (4, 11),
        "description": (
            "Cook a simple, cheap, healthy meal together and take home the recipe and ingredients."
        ),
        "eligibility": "Parents and children aged 4 to 11 together.",
        "locations": ["south-norwood-hall"],
        "schedules": [("WE", "16:00", "18:00", "term")],
        "costs": [("3.00", "Per family, per session", "Pay what you can.")],
        "languages": ["en", "pt", "ro"],
        "phone": (131, "Open Door kitchen"),
        "checked": 400,
    },
    {
        "slug": "money-advice",
        "title": "Money, benefits and debt advice",
        "organisation": "money-advice",
        "categories": ["benefits-and-debt-advice"],
        "ages": None,
        "description": (
            "Free, confidential help to check you get all the benefits you are entitled to, deal "
            "with "
            "debts, rent arrears or energy bills, and challenge decisions."
        ),
        "search_keywords": "cost of living, financial help, universal credit, budgeting, debt help",
        "eligibility": "Anyone living in the borough.",
        "locations": ["information-hub", "juniper-health"],
        "schedules": [("MO,WE,FR", "10:00", "16:00"), ("TU", "17:00", "19:30")],
        "delivery": ["in_person", "phone"],
        "languages": ["en", "ar", "ur", "bn", "ta"],
        "phone": (132, "Advice line"),
        "interpretation": "Interpreters on request.",
        "checked": 50,
    },
    {
        "slug": "rhyme-time-larkspur",
        "title": "Rhyme time at Larkspur Library",
        "organisation": "family-information-service",
        "categories": ["play-and-learning"],
        "ages": (0, 3),
        "description": (
            "Songs and rhymes for babies and toddlers. Stay for a story and borrow books after."
        ),
        "eligibility": "Babies and toddlers with their grown-ups.",
        "locations": ["larkspur-library"],
        "schedules": [("MO,TH", "10:30", "11:00"), ("SA", "11:00", "11:30")],
        "languages": ["en", "pl"],
        "phone": (133, "Larkspur Library"),
        "checked": 100,
    },
    {
        "slug": "youth-club-cedar-rise",
        "title": "Cedar Rise youth club",
        "organisation": "kestrel-youth",
        "categories": ["community-groups", "play-and-learning"],
        "ages": (11, 19),
        "description": (
            "Music studio, sports hall, gaming and a safe space to hang out, with youth workers to "
            "talk to about anything."
        ),
        "search_keywords": "youth centre, teenagers, things to do",
        "eligibility": "Young people aged 11 to 19 (up to 25 with SEND).",
        "locations": ["cedar-rise"],
        "schedules": [
            ("TU,TH", "17:00", "21:00"),
            ("FR", "18:00", "22:00"),
            ("SA", "13:00", "17:00"),
        ],
        "costs": [("0.50", "Per session", "Free the first time.")],
        "languages": ["en", "so", "ar"],
        "phone": (134, "Youth club"),
        "checked": 33,
    },
    {
        "slug": "mentoring-kestrel",
        "title": "One-to-one mentoring for young people",
        "organisation": "kestrel-youth",
        "categories": ["early-help", "children-in-need-and-safeguarding"],
        "ages": (11, 18),
        "description": (
            "A trained mentor meets a young person every week for six months to build confidence, "
            "stay in school and keep safe."
        ),
        "search_keywords": (
            "school refusal, school attendance, not going to school, confidence, exclusion"
        ),
        "eligibility": "Young people aged 11 to 18, referred by a school, social worker or parent.",
        "locations": ["cedar-rise", "kestrel-way"],
        "schedules": [("MO,TU,WE,TH,FR", "15:30", "19:00")],
        "delivery": ["in_person", "phone"],
        "languages": ["en"],
        "phone": (135, "Mentoring referrals"),
        "application_process": "Ask your school, or phone us to refer your child.",
        "checked": 240,
    },
    # --- Specialist support ------------------------------------------------------------------
    {
        "slug": "send-information-advice",
        "title": "SEND information, advice and support",
        "organisation": "parent-carer-forum",
        "categories": ["send"],
        "ages": (0, 25),
        "description": (
            "Impartial advice about special educational needs and disabilities: EHC needs "
            "assessments, "
            "school places, transport and your rights, for children and young people up to 25."
        ),
        "search_keywords": (
            "SENDIASS, EHCP, special needs, autism, ADHD, local offer, SENCO, support at school"
        ),
        "eligibility": (
            "Children and young people up to 25 with SEND, and their parents and carers."
        ),
        "locations": ["information-hub"],
        "schedules": [("MO,TU,WE,TH", "09:30", "16:30")],
        "delivery": ["in_person", "online", "phone"],
        "languages": ["en", "ur", "bn", "pl"],
        "phone": (136, "SEND advice line"),
        "email": "sendadvice@example.org",
        "interpretation": "British Sign Language interpreters can be booked.",
        "checked": 70,
    },
    {
        "slug": "sensory-stay-and-play",
        "title": "Sensory stay and play",
        "organisation": "bramble-family-trust",
        "categories": ["send", "play-and-learning"],
        "ages": (0, 5),
        "description": (
            "A calm, small group in the sensory room for children with additional needs or who "
            "find "
            "busy groups hard. Brothers and sisters welcome."
        ),
        "search_keywords": "autism, autistic, special needs, SEN, neurodivergent, quiet session",
        "eligibility": "Children under 5 with additional needs, diagnosed or not.",
        "locations": ["willowbrook"],
        "schedules": [("FR", "13:00", "14:30", "term")],
        "languages": ["en", "ta"],
        "phone": (137, "Willowbrook reception"),
        "checked": 110,
    },
    {
        "slug": "parent-carer-forum",
        "title": "Parent carer forum coffee mornings",
        "organisation": "parent-carer-forum",
        "categories": ["parent-and-carer-forums", "send"],
        "ages": (0, 25),
        "description": (
            "Meet other parents of children with SEND, share what works and tell the council and "
            "NHS "
            "what needs to change."
        ),
        "search_keywords": "SEND parents, support group, parent carers",
        "eligibility": "Parents and carers of children and young people with SEND up to 25.",
        "locations": ["south-norwood-hall"],
        "schedules": [("WE", "10:00", "12:00", {"freq": "MONTHLY", "byday": "1WE"})],
        "languages": ["en"],
        "phone": (138, "Parent carer forum"),
        "checked": 600,
        "status": "temporarily closed",
        "alert": "Coffee mornings are paused while the hall is repaired; online meetings continue.",
    },
    {
        "slug": "short-breaks",
        "title": "Short breaks for disabled children",
        "organisation": "council-early-years",
        "categories": ["send", "complex-health-needs"],
        "ages": (5, 18),
        "description": (
            "After-school and Saturday clubs and holiday schemes with trained staff, giving "
            "disabled "
            "children fun and their families a break."
        ),
        "search_keywords": "respite, respite care, activities for disabled children",
        "eligibility": "Disabled children aged 5 to 18 who live in the borough.",
        "locations": ["foxglove-school", "hawthorn-park"],
        "schedules": [("TU,TH", "15:30", "18:00", "term"), ("SA", "10:00", "15:00")],
        "costs": [("5.00", "Per Saturday session", "After-school clubs are free.")],
        "languages": ["en", "bn"],
        "phone": (139, "Short breaks team"),
        "application_process": "Phone us for an assessment, or use your personal budget.",
        "checked": 160,
    },
    {
        "slug": "young-carers",
        "title": "Young carers' group",
        "organisation": "kestrel-youth",
        "categories": ["children-in-need-and-safeguarding", "community-groups"],
        "ages": (8, 18),
        "description": (
            "Time out, trips and support for children and young people who help look after someone "
            "in their family."
        ),
        "eligibility": "Young carers aged 8 to 18.",
        "locations": ["kestrel-way"],
        "schedules": [("WE", "16:30", "18:30", "term")],
        "languages": ["en", "pl"],
        "phone": (140, "Young carers"),
        "checked": 345,
    },
    {
        "slug": "complex-needs-nursing",
        "title": "Children's community nursing",
        "organisation": "community-health",
        "categories": ["complex-health-needs"],
        "ages": (0, 19),
        "description": (
            "Nurses who care for children with complex or long-term health needs at home, at "
            "school "
            "and at short breaks, so they spend less time in hospital."
        ),
        "search_keywords": "community nurses, children's nurses, nursing at home",
        "eligibility": "Children and young people referred by a GP, hospital or consultant.",
        "schedules": [("MO,TU,WE,TH,FR,SA,SU", "08:00", "20:00")],
        "delivery": ["in_person", "phone"],
        "languages": ["en"],
        "phone": (141, "Community nursing"),
        "application_process": "Referral by a health professional only.",
        "checked": 80,
    },
    # --- Community and volunteering ----------------------------------------------------------
    {
        "slug": "community-pantry",
        "title": "Open Door community pantry",
        "organisation": "open-door-food",
        "categories": ["healthy-eating", "community-groups"],
        "ages": None,
        "description": (
            "Choose £15 worth of food and household goods each week for a small membership fee, "
            "with "
            "baby food and nappies always in stock."
        ),
        "search_keywords": "food bank, cheap food, cost of living",
        "eligibility": "Families living in the borough on a low income.",
        "locations": ["south-norwood-hall"],
        "schedules": [("TU", "12:00", "15:00"), ("FR", "16:00", "18:30")],
        "costs": [("3.50", "Per weekly shop", "")],
        "languages": ["en", "ro", "pt", "ar"],
        "phone": (142, "Open Door kitchen"),
        "checked": 22,
    },
    {
        "slug": "bumps-and-babies-selsdon",
        "title": "Bumps and babies",
        "organisation": "bramble-family-trust",
        "categories": ["community-groups", "midwifery-and-maternity"],
        "ages": (0, 1),
        "description": (
            "Meet other parents-to-be and new parents over a cup of tea, with a midwife visiting "
            "monthly."
        ),
        "search_keywords": "pregnancy group, baby group, new mums, mother and baby group",
        "eligibility": "Pregnant parents and babies under 1.",
        "locations": ["wrenfield"],
        "schedules": [("TU", "13:30", "15:00")],
        "languages": ["en", "ro"],
        "phone": (143, "Wrenfield reception"),
        "checked": 390,
    },
    {
        "slug": "family-hub-coulsdon",
        "title": "Family hub drop-in, Coulsdon",
        "organisation": "council-early-years",
        "categories": ["family-outreach", "benefits-and-debt-advice", "health-visiting"],
        "ages": (0, 19),
        "description": (
            "One door for help with anything to do with family life: health, parenting, money, "
            "housing, school and relationships. Staff from the council, NHS and charities."
        ),
        "search_keywords": "children's centre, Sure Start, domestic abuse support, mental health",
        "eligibility": "Families with children and young people up to 19 (25 with SEND).",
        "locations": ["kestrel-way"],
        "schedules": [("MO,TU,WE,TH,FR", "09:00", "17:00"), ("TH", "17:00", "19:00")],
        "delivery": ["in_person", "phone"],
        "languages": ["en", "ta", "ur", "pl"],
        "phone": (144, "Coulsdon family hub"),
        "checked": 14,
    },
    {
        "slug": "homework-club",
        "title": "Homework club",
        "organisation": "kestrel-youth",
        "categories": ["family-learning", "community-groups"],
        "ages": (7, 14),
        "description": "A quiet room, computers and volunteers to help with homework after school.",
        "search_keywords": "homework help, after school club, study support",
        "eligibility": "Children aged 7 to 14.",
        "locations": ["larkspur-library"],
        "schedules": [("MO,TU,WE,TH", "15:45", "17:45", "term")],
        "languages": ["en", "bn", "so"],
        "phone": (145, "Larkspur Library"),
        "checked": 140,
    },
    {
        "slug": "swimming-lessons-for-beginners",
        "title": "Family swimming lessons",
        "organisation": "family-information-service",
        "categories": ["play-and-learning"],
        "ages": (3, 11),
        "description": (
            "Small-group swimming lessons for beginners on Sunday mornings, for children and their"
            " parents."
        ),
        "search_keywords": "learn to swim, swimming classes, swimming pool",
        "eligibility": "Children aged 3 to 11 with a parent in the water for under 5s.",
        "locations": ["hawthorn-park"],
        "schedules": [("SU", "08:30", "09:30"), ("SU", "09:45", "10:45")],
        "costs": [("4.80", "Per child, per lesson", "Half price with a Northbrook leisure card.")],
        "languages": ["en"],
        "phone": (146, "Leisure bookings"),
        "checked": 60,
    },
]
