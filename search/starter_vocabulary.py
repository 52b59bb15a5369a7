"""The synonym sets a new site starts with: the words families type, and the words pages use.

Loaded once by migration 0004; after that the sets are the editors' (Settings > Synonyms).
Each entry: (language, kind, "term, term, …", note).

Every term of a set is equivalent to every other, both ways, so a set holds only words a family
would accept as the same thing: "domestic abuse" is never put with "relationship support", for
example, because a couples course is the wrong answer for someone who is not safe at home. A term
belongs to one set only (tests/search/test_starter_vocabulary.py), or the search could not tell
which set a family meant. Queries are matched word for word before stemming, so plurals people
type ("kids", "mums") are listed where the index's stemmer would not join them.

Sources, named in each note: the demo content (home/demo_content/,
services_directory/demo_content/, consultations/demo_content/), the NHS and GOV.UK names for
services and conditions, and the words parents use for them on Family Information Service
helplines. Polish and Arabic sets are a start only:
a native speaker reviews them with the translated content (issue 10).
"""

STARTER_SETS = [
    # --- Conditions and special educational needs -------------------------------------------
    (
        "en",
        "acronym",
        "adhd, attention deficit hyperactivity disorder, attention deficit disorder",
        "NHS condition name",
    ),
    (
        "en",
        "acronym",
        "asd, autism, autistic, autism spectrum disorder, autistic spectrum disorder, asc, "
        "autism spectrum condition",
        "NHS condition name; parents write autism, services write ASD or ASC",
    ),
    (
        "en",
        "acronym",
        "send, sen, special educational needs and disabilities, special educational needs, "
        "special needs, additional needs",
        "SEND code of practice (GOV.UK); demo services say 'additional needs'",
    ),
    (
        "en",
        "acronym",
        "ehcp, ehc plan, ehc, education health and care plan, "
        "education health and care needs assessment",
        "SEND code of practice; demo 2-year-old funding and SEND advice listings",
    ),
    (
        "en",
        "acronym",
        "senco, sendco, special educational needs coordinator, "
        "special educational needs co-ordinator",
        "SEND code of practice: the school's SEN coordinator",
    ),
    (
        "en",
        "acronym",
        "sendiass, iass, send information advice and support service",
        "The statutory SEND advice service; demo 'SEND information, advice and support'",
    ),
    (
        "en",
        "acronym",
        "pcf, parent carer forum, parent carers forum",
        "Demo 'Parent carer forum coffee mornings'",
    ),
    (
        "en",
        "synonyms",
        "neurodiverse, neurodivergent, neurodiversity",
        "Demo pledge page says neurodiverse; parents also write neurodivergent",
    ),
    (
        "en",
        "synonyms",
        "learning disability, learning disabilities, learning difficulty, learning difficulties",
        "Used interchangeably by parents, though services distinguish them",
    ),
    ("en", "synonyms", "dyslexia, dyslexic, specific learning difficulty", "NHS condition name"),
    (
        "en",
        "spelling",
        "down syndrome, down's syndrome, downs syndrome",
        "NHS writes Down's syndrome; the charity writes Down syndrome",
    ),
    (
        "en",
        "synonyms",
        "short breaks, short break, respite, respite care",
        "Demo 'Short breaks for disabled children'; parents say respite",
    ),
    (
        "en",
        "synonyms",
        "complex needs, complex health needs, medical needs, long term condition, "
        "long term illness",
        "Demo 'Children's community nursing' category",
    ),
    (
        "en",
        "synonyms",
        "deaf, hearing impairment, hearing loss, hard of hearing",
        "NHS and contact page wording",
    ),
    (
        "en",
        "synonyms",
        "visual impairment, visually impaired, sight loss, blind, partially sighted",
        "NHS wording",
    ),
    (
        "en",
        "acronym",
        "bsl, british sign language, sign language",
        "Demo listings offer British Sign Language interpreters",
    ),
    (
        "en",
        "acronym",
        "dla, disability living allowance",
        "GOV.UK benefit name; demo 2-year-old funding eligibility",
    ),
    # --- Speech and development -------------------------------------------------------------
    (
        "en",
        "acronym",
        "slt, speech and language therapy, speech therapy, speech and language therapist, "
        "speech therapist",
        "NHS service name; demo 'Speech and language drop-in'",
    ),
    (
        "en",
        "synonyms",
        "speech delay, late talker, late talking, not talking, not talking yet, "
        "speech and language delay",
        "Parents' words for the demo speech and language drop-in",
    ),
    (
        "en",
        "synonyms",
        "stammer, stammering, stutter, stuttering",
        "NHS: stammering; US and lay: stuttering",
    ),
    (
        "en",
        "synonyms",
        "development check, developmental review, 2 year check, two year check, "
        "health and development review",
        "Healthy Child Programme reviews (health visiting)",
    ),
    (
        "en",
        "synonyms",
        "starting school, school readiness, ready for school, starting reception",
        "Demo 'Ready for school' and the core purpose page",
    ),
    # --- Health and health services ---------------------------------------------------------
    (
        "en",
        "acronym",
        "camhs, cypmhs, child and adolescent mental health services, "
        "children and young people's mental health services",
        "NHS service name",
    ),
    (
        "en",
        "synonyms",
        "mental health, emotional health, emotional wellbeing, mental wellbeing",
        "NHS wording; demo pledge and report pages",
    ),
    (
        "en",
        "spelling",
        "wellbeing, well being",
        "The demo content writes both 'wellbeing' and 'well-being'",
    ),
    (
        "en",
        "synonyms",
        "anxiety, anxious, panic attacks",
        "NHS condition name; demo perinatal group says 'anxious'",
    ),
    ("en", "synonyms", "depression, depressed, low mood, feeling low", "NHS condition name"),
    (
        "en",
        "acronym",
        "pnd, postnatal depression, postpartum depression, perinatal depression, "
        "perinatal mental health",
        "NHS; demo 'Perinatal peer support group'",
    ),
    (
        "en",
        "acronym",
        "hv, health visitor, health visitors, health visiting",
        "Demo health visiting listings; HV is what parents' red books say",
    ),
    ("en", "acronym", "gp, general practitioner, family doctor, doctor, doctors", "NHS wording"),
    (
        "en",
        "spelling",
        "paediatrician, pediatrician, children's doctor",
        "British and US spellings",
    ),
    (
        "en",
        "acronym",
        "fnp, family nurse partnership",
        "Demo 'Young parents' group' runs with the Family Nurse Partnership",
    ),
    (
        "en",
        "synonyms",
        "midwife, midwives, midwifery",
        "Demo maternity listings; the stemmer does not join midwife and midwives",
    ),
    (
        "en",
        "synonyms",
        "pregnant, pregnancy, expecting a baby, mum to be, parents to be, parent to be",
        "Demo maternity listings say 'pregnant' and 'parents-to-be'",
    ),
    (
        "en",
        "synonyms",
        "antenatal, ante natal, prenatal, pre natal, antenatal classes, parentcraft",
        "Demo 'Antenatal classes'; NHS wording",
    ),
    ("en", "synonyms", "postnatal, post natal, postpartum, after the birth", "NHS wording"),
    (
        "en",
        "synonyms",
        "baby clinic, child health clinic, baby weighing, weighing clinic",
        "Demo 'Baby clinic at Juniper Health Centre'",
    ),
    (
        "en",
        "synonyms",
        "vaccinations, vaccination, immunisations, immunisation, immunizations, jabs, vaccines",
        "NHS: vaccinations; older leaflets: immunisations",
    ),
    ("en", "synonyms", "dentist, dental, teeth, tooth brushing", "NHS wording"),
    (
        "en",
        "synonyms",
        "stop smoking, quit smoking, giving up smoking, smoking cessation",
        "NHS wording; demo pledge page on smoking in pregnancy",
    ),
    (
        "en",
        "synonyms",
        "substance misuse, drugs and alcohol, drug use, alcohol use, addiction",
        "NHS and public health wording",
    ),
    ("en", "synonyms", "bereavement, bereaved, grief, baby loss", "NHS wording"),
    # --- Babies and feeding -----------------------------------------------------------------
    (
        "en",
        "synonyms",
        "baby, babies, infant, infants, newborn, new born",
        "Demo listings say babies; NHS says infant and newborn",
    ),
    ("en", "synonyms", "toddler, toddlers, tots", "Parents' words for children aged 1 to 3"),
    (
        "en",
        "synonyms",
        "breastfeeding, breast feeding, breast-feeding, chestfeeding, chest feeding, "
        "infant feeding",
        "Demo 'Breastfeeding café' and infant feeding team; NHS spelling breastfeeding",
    ),
    (
        "en",
        "synonyms",
        "formula, formula milk, bottle feeding, baby milk",
        "NHS Start for Life wording",
    ),
    (
        "en",
        "synonyms",
        "weaning, starting solids, introducing solids, first foods",
        "NHS Start for Life wording",
    ),
    (
        "en",
        "spelling",
        "nappy, nappies, diaper, diapers",
        "British and US words; demo community pantry stocks nappies",
    ),
    ("en", "synonyms", "potty training, toilet training", "NHS wording"),
    ("en", "synonyms", "colic, crying baby, baby crying", "NHS wording"),
    # --- Family members ---------------------------------------------------------------------
    ("en", "synonyms", "child, children, kid, kids", "Families write kids; pages write children"),
    (
        "en",
        "spelling",
        "mum, mums, mother, mothers, mom, moms, mam, mummy",
        "British, US and regional spellings",
    ),
    ("en", "synonyms", "dad, dads, father, fathers, daddy", "Demo 'Saturday dads' group'"),
    (
        "en",
        "synonyms",
        "grandparent, grandparents, grandmother, grandfather, grandma, grandad, granddad, nan, "
        "grandpa",
        "Demo dads' group welcomes granddads",
    ),
    (
        "en",
        "synonyms",
        "teenager, teenagers, teen, teens, adolescent, adolescents, young people, "
        "young person, youth",
        "Demo 'Living with teenagers', youth club and mentoring listings",
    ),
    (
        "en",
        "synonyms",
        "young parent, young parents, young mum, young mums, young mother, young dad, "
        "teenage parent, teenage mum, teen mum, teen parent",
        "Demo 'Young parents' group' (parents aged 24 and under)",
    ),
    (
        "en",
        "synonyms",
        "young carer, young carers, child carer, young adult carer",
        "Demo 'Young carers' group'",
    ),
    (
        "en",
        "acronym",
        "lac, cla, looked after children, looked after child, children in care, child in care",
        "Children Act wording; demo report and 2-year-old funding listing",
    ),
    (
        "en",
        "synonyms",
        "care leaver, care leavers, care experienced, leaving care",
        "Demo pledge page on care leavers",
    ),
    (
        "en",
        "synonyms",
        "kinship care, kinship carer, family and friends care, special guardianship",
        "GOV.UK kinship care guidance; demo report's family and friend assessments",
    ),
    # --- Early years and childcare ----------------------------------------------------------
    (
        "en",
        "synonyms",
        "nursery, nurseries, preschool, pre school, pre-school, nursery school, playschool, "
        "kindergarten",
        "Demo listings: nursery, pre-school; parents also write preschool",
    ),
    (
        "en",
        "synonyms",
        "early years, under fives, under 5s, early childhood",
        "Demo core purpose page and early years listings",
    ),
    ("en", "acronym", "eyfs, early years foundation stage", "Demo partnership policy and report"),
    (
        "en",
        "synonyms",
        "free childcare, funded childcare, free early learning, funded early education, "
        "funded places, funded hours, free hours, 15 hours, 30 hours, nursery funding, "
        "childcare funding",
        "GOV.UK 'free childcare'; demo 'Free early learning for 2 year olds' says neither free "
        "childcare nor funded",
    ),
    (
        "en",
        "synonyms",
        "2 year old, 2 year olds, two year old, two year olds",
        "Demo 'Free early learning for 2 year olds'",
    ),
    (
        "en",
        "synonyms",
        "3 year old, 3 year olds, three year old, three year olds",
        "Demo pre-school and parenting listings",
    ),
    (
        "en",
        "synonyms",
        "childcare, child care, day care, daycare",
        "Demo FIS listing; parents write childcare as one or two words",
    ),
    (
        "en",
        "spelling",
        "childminder, childminders, child minder, child minders, childminding",
        "Demo 'Childminder network drop-in'",
    ),
    (
        "en",
        "spelling",
        "creche, crèche, creches, crèches",
        "Demo 'Crèche for adult learners'; few keyboards type è",
    ),
    ("en", "synonyms", "nanny, au pair, home childcarer", "GOV.UK childcare types"),
    (
        "en",
        "synonyms",
        "wraparound care, wrap around care, after school club, before and after school care, "
        "out of school club, breakfast club",
        "GOV.UK wraparound childcare",
    ),
    (
        "en",
        "synonyms",
        "playgroup, play group, stay and play, toddler group, parent and toddler group, "
        "baby group, mother and baby group",
        "Demo 'Stay and play' listings; the directory's hint says 'baby group'",
    ),
    (
        "en",
        "synonyms",
        "rhyme time, rhymetime, song and rhyme, singing group",
        "Demo 'Rhyme time at Larkspur Library'",
    ),
    ("en", "synonyms", "story time, storytime", "Library session names"),
    ("en", "synonyms", "toy library, toy loan, borrow toys", "Demo 'Toy library'"),
    ("en", "acronym", "fis, family information service", "Demo 'Family Information Service'"),
    (
        "en",
        "synonyms",
        "family hub, family hubs, children's centre, children's centres, childrens centre, "
        "childrens centres, sure start, sure start centre",
        "Demo core purpose page: family hubs and children's centres; Sure Start is what many "
        "parents still call them",
    ),
    # --- Parenting and family support -------------------------------------------------------
    (
        "en",
        "synonyms",
        "parenting course, parenting courses, parenting class, parenting classes, "
        "parenting programme, parenting group, parenting workshop",
        "Demo 'Parenting courses and programmes' category",
    ),
    (
        "en",
        "synonyms",
        "challenging behaviour, behaviour problems, difficult behaviour, tantrums, meltdowns",
        "Demo parenting course (tantrums) and family outreach (behaviour)",
    ),
    ("en", "spelling", "behaviour, behavior", "British and US spellings; demo behaviour policy"),
    (
        "en",
        "synonyms",
        "sleep problems, not sleeping, sleep issues, bedtime routine",
        "Demo family outreach and stay and play mention sleep",
    ),
    (
        "en",
        "synonyms",
        "early help, family support, early intervention",
        "Demo 'Early help for families' and core purpose page",
    ),
    ("en", "acronym", "eha, early help assessment", "Early help guidance (Working Together)"),
    (
        "en",
        "acronym",
        "tac, taf, team around the child, team around the family",
        "Early help guidance (Working Together)",
    ),
    (
        "en",
        "synonyms",
        "separation, separated, divorce, splitting up, co-parenting",
        "Demo 'Parents as partners: relationship support'",
    ),
    (
        "en",
        "synonyms",
        "parental conflict, arguing, arguments at home",
        "DWP Reducing Parental Conflict programme",
    ),
    (
        "en",
        "synonyms",
        "domestic abuse, domestic violence, abusive relationship, coercive control",
        "Domestic Abuse Act 2021 wording; domestic violence is the older term",
    ),
    (
        "en",
        "synonyms",
        "safeguarding, child protection, child abuse, neglect, worried about a child",
        "Demo safeguarding notice, contact page and child protection policy",
    ),
    ("en", "acronym", "mash, multi agency safeguarding hub", "Safeguarding referral route"),
    (
        "en",
        "synonyms",
        "social services, social worker, children's services, childrens services, "
        "children's social care, social care",
        "Demo contact page: children's services; parents say social services",
    ),
    (
        "en",
        "spelling",
        "counselling, counseling, talking therapy, talking therapies",
        "British and US spellings; NHS talking therapies",
    ),
    ("en", "synonyms", "lonely, loneliness, isolated, isolation", "NHS wording"),
    # --- School and young people ------------------------------------------------------------
    (
        "en",
        "synonyms",
        "school refusal, school avoidance, emotionally based school avoidance, ebsa, "
        "refusing school, won't go to school, not going to school, school attendance",
        "Parents' words and the DfE's (attendance guidance)",
    ),
    (
        "en",
        "synonyms",
        "exclusion, excluded from school, expelled, suspension, suspended from school",
        "DfE exclusion guidance",
    ),
    ("en", "synonyms", "bullying, bullied, cyberbullying", "Anti-bullying guidance"),
    (
        "en",
        "synonyms",
        "online safety, internet safety, staying safe online, e-safety",
        "Demo digital skills drop-in ('staying safe online')",
    ),
    (
        "en",
        "synonyms",
        "school place, school places, school admissions, school application",
        "GOV.UK school admissions; demo SEND advice mentions school places",
    ),
    (
        "en",
        "synonyms",
        "school transport, home to school transport, travel assistance",
        "GOV.UK; demo SEND advice mentions transport",
    ),
    (
        "en",
        "spelling",
        "maths, math, mathematics, numeracy",
        "Demo 'Help your child with maths'; numeracy in the core purpose page",
    ),
    ("en", "synonyms", "homework help, tutoring, tuition, extra lessons", "Demo 'Homework club'"),
    ("en", "acronym", "neet, not in education employment or training", "Demo report"),
    (
        "en",
        "acronym",
        "haf, holiday activities and food",
        "DfE programme name; demo 'Holiday activities and food'",
    ),
    (
        "en",
        "synonyms",
        "holiday club, holiday clubs, holiday scheme, summer club, summer scheme, "
        "half term activities",
        "Demo holiday listings",
    ),
    ("en", "acronym", "fsm, free school meals", "GOV.UK; demo holiday activities eligibility"),
    (
        "en",
        "synonyms",
        "weekend, weekends, saturday, sunday",
        "Families ask for weekends; listings name the day",
    ),
    ("en", "synonyms", "activities, things to do, days out", "Demo FIS listing: activities"),
    (
        "en",
        "synonyms",
        "sport, sports, physical activity, exercise, keeping active",
        "Demo youth club and holiday listings",
    ),
    (
        "en",
        "synonyms",
        "swimming, swim, swimming lessons, learn to swim",
        "Demo 'Family swimming lessons'",
    ),
    # --- Money, food, home and work ---------------------------------------------------------
    (
        "en",
        "synonyms",
        "money, benefits, cost of living, financial help, money worries",
        "Demo 'Money, benefits and debt advice'",
    ),
    ("en", "synonyms", "debt, debts, arrears, money owed", "Demo money advice listing"),
    (
        "en",
        "synonyms",
        "energy bills, gas bill, electricity bill, fuel bills, heating costs",
        "Demo money advice listing",
    ),
    (
        "en",
        "acronym",
        "uc, universal credit",
        "GOV.UK benefit name; demo toy library and healthy start listings",
    ),
    (
        "en",
        "synonyms",
        "food bank, foodbank, food parcel, food parcels, community pantry, food pantry, "
        "emergency food",
        "Demo 'Open Door community pantry'",
    ),
    (
        "en",
        "synonyms",
        "healthy start, healthy start card, healthy start vouchers",
        "NHS Healthy Start scheme; demo listing",
    ),
    (
        "en",
        "synonyms",
        "healthy eating, healthy food, healthy diet, nutrition",
        "Demo 'Healthy eating' category",
    ),
    ("en", "synonyms", "cooking, cookery", "Demo 'Cook and eat: family cooking club'"),
    (
        "en",
        "synonyms",
        "homeless, homelessness, nowhere to live, eviction, evicted",
        "GOV.UK homelessness wording",
    ),
    ("en", "synonyms", "housing, accommodation", "Demo family hub listing: housing"),
    ("en", "synonyms", "job, jobs, employment, career, careers", "Demo 'Back to work for parents'"),
    ("en", "acronym", "cv, curriculum vitae, resume", "Demo 'Back to work for parents'"),
    (
        "en",
        "synonyms",
        "apprenticeship, apprenticeships, apprentice",
        "Demo 'Early years apprenticeships'",
    ),
    (
        "en",
        "synonyms",
        "digital skills, computer skills, it skills, computer classes",
        "Demo 'Digital skills drop-in'",
    ),
    (
        "en",
        "acronym",
        "esol, english for speakers of other languages, english classes, english lessons, "
        "learn english",
        "Demo 'English for parents (ESOL)'",
    ),
    (
        "en",
        "synonyms",
        "interpreter, interpreters, interpreting, translator",
        "Demo contact page and listings",
    ),
    (
        "en",
        "acronym",
        "dbs, disclosure and barring service, dbs check, criminal record check, crb",
        "Demo volunteering listing: DBS check",
    ),
    # --- The council and this website -------------------------------------------------------
    (
        "en",
        "synonyms",
        "consultation, consultations, have your say, survey, give your views, questionnaire",
        "Demo 'Have your say' consultations",
    ),
    (
        "en",
        "synonyms",
        "complaint, complaints, complain",
        "Demo complaints policy; the stemmer does not join complain and complaint",
    ),
    (
        "en",
        "acronym",
        "gdpr, data protection, privacy, personal data, personal information",
        "Demo privacy notice",
    ),
    (
        "en",
        "synonyms",
        "contact us, get in touch, phone number, telephone number, contact details",
        "Demo 'Contact us'",
    ),
    ("en", "synonyms", "opening hours, opening times", "Demo contact page and listings"),
    ("en", "spelling", "easy read, easyread", "Demo accessibility statement"),
    ("en", "acronym", "ics, integrated care system", "Demo pledge page"),
    # --- Polish: a start, for a native speaker to review with the translations (issue 10) ---
    (
        "pl",
        "synonyms",
        "przedszkole, przedszkola, żłobek, żłobki",
        "Nursery and pre-school. Needs native review (issue 10).",
    ),
    (
        "pl",
        "synonyms",
        "karmienie piersią, karmienie naturalne, laktacja",
        "Breastfeeding. Needs native review (issue 10).",
    ),
    (
        "pl",
        "synonyms",
        "zasiłki, świadczenia, pomoc finansowa",
        "Benefits and money help. Needs native review (issue 10).",
    ),
    (
        "pl",
        "synonyms",
        "logopeda, terapia mowy, opóźniony rozwój mowy",
        "Speech and language therapy. Needs native review (issue 10).",
    ),
    (
        "pl",
        "synonyms",
        "ciąża, w ciąży, kobieta w ciąży",
        "Pregnancy. Needs native review (issue 10).",
    ),
    ("pl", "acronym", "spe, specjalne potrzeby edukacyjne", "SEN. Needs native review (issue 10)."),
    # --- Arabic: a start, for a native speaker to review with the translations (issue 10) ---
    (
        "ar",
        "synonyms",
        "حضانة, روضة, روضة أطفال",
        "Nursery and kindergarten. Needs native review (issue 10).",
    ),
    (
        "ar",
        "synonyms",
        "رضاعة طبيعية, الرضاعة الطبيعية, إرضاع",
        "Breastfeeding. Needs native review (issue 10).",
    ),
    ("ar", "synonyms", "طفل, أطفال, الأطفال", "Child, children. Needs native review (issue 10)."),
    (
        "ar",
        "synonyms",
        "مساعدة مالية, إعانات, معونات",
        "Money help and benefits. Needs native review (issue 10).",
    ),
    ("ar", "synonyms", "حمل, حامل, الحمل", "Pregnancy, pregnant. Needs native review (issue 10)."),
]


def load_starter_sets(synonym_set_model):
    """Add every starter set whose terms are not there yet; returns how many were added."""
    existing = {
        (language, terms.strip().lower())
        for language, terms in synonym_set_model.objects.values_list("language", "terms")
    }
    added = 0
    for language, kind, terms, note in STARTER_SETS:
        if (language, terms.strip().lower()) in existing:
            continue
        synonym_set_model.objects.create(language=language, kind=kind, terms=terms, note=note)
        added += 1
    return added
