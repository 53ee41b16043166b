"""Write part A of the dev-long set (experts, challenges, qrels and skills files, suffix -a).

The people and organisations are fictional and written by hand; this script only keeps the
texts in one place and writes them as UTF-8 JSON lines, so they can be checked with check.py.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHALLENGES = []
EXPERTS = []
QRELS = []


def challenge(**fields):
    """Add one challenge."""
    CHALLENGES.append(fields)


def expert(cv_language, **fields):
    """Add one expert; cv_language goes last, after the shared schema's fields."""
    fields["notable"] = fields.get("notable", False)
    fields["cv_language"] = cv_language
    EXPERTS.append(fields)


def grades(cid, **by_expert):
    """Add the grade-1 and grade-2 judgements of one challenge."""
    QRELS.extend((cid, eid, g) for eid, g in by_expert.items())


# --- c201: public library network into community hubs (lt) -------------------------------
challenge(
    id="c201",
    municipality="Panevėžio rajonas",
    kind="expert_opinion",
    title="Viešosios bibliotekos filialų tinklo pertvarka į bendruomenės centrus",
    description=(
        "Panevėžio rajono savivaldybės viešoji biblioteka turi 34 kaimo filialus, o į dalį jų per "
        "dieną užsuka vos keli skaitytojai. Savivaldybė rengia tinklo modernizavimo koncepciją: "
        "dalį filialų norime sujungti su seniūnijomis, kultūros namais ar mokyklomis, kitus paversti "
        "atviromis bendruomenės erdvėmis su ilgesnėmis darbo valandomis, skaitmeninio raštingumo "
        "mokymais ir vietos renginiais. Ieškome eksperto, kuris įvertintų koncepcijos projektą, "
        "patartų, pagal kokius kriterijus spręsti, kuriuos padalinius stiprinti, o kuriuos jungti, "
        "kaip ištirti gyventojų poreikius ir kaip pertvarką paaiškinti kaimų bendruomenėms. Darbas "
        "nuotolinis: dokumentų komentarai ir du vaizdo susitikimai su bibliotekos vadovybe."
    ),
    languages_required=[],
    hours_needed_per_month=6,
    in_person=False,
    skills_wanted=[
        "viešųjų bibliotekų tinklo pertvarka",
        "bendruomenės erdvių ir paslaugų kūrimas",
        "gyventojų poreikių tyrimas",
    ],
)
expert(
    "no",
    id="l001",
    name="Rūta Haugen",
    country="NO",
    city_ties=["Kupiškis"],
    languages=["lt", "no", "en"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Biblioteksjef i en kommune på Østlandet",
    cv=(
        "Jeg kom til Norge i 2006, er utdannet bibliotekar og har en master i bibliotek- og "
        "informasjonsvitenskap. Siden 2015 har jeg vært biblioteksjef i en kommune med rundt 45 000 "
        "innbyggere og sju filialer spredt over et stort område. Da jeg begynte, hadde flere av "
        "filialene åpent bare to ettermiddager i uka, og utlånet falt år for år. Vi gjennomførte en "
        "brukerundersøkelse og en rekke åpne møter i bygdene, der vi spurte folk hva de faktisk "
        "trengte, ikke bare hva de lånte. Svaret var tydelig: et sted å være, hjelp med digitale "
        "tjenester og et lokale for lag og foreninger. På bakgrunn av dette la vi fram en ny plan for "
        "bibliotekstrukturen for kommunestyret. To små filialer ble slått sammen med skolebibliotekene, "
        "mens fire ble bygget om til meråpne bibliotek med selvbetjening fra sju om morgenen til ti om "
        "kvelden. Det frigjorde bemanning til arrangementer: leksehjelp, språkkafé for innvandrere, "
        "strikkekvelder, digital førstehjelp for eldre og faste dager der kommunens servicetorg hjelper "
        "folk med offentlige skjemaer. Besøket økte med over 60 prosent på tre år, selv om utlånet bare "
        "steg litt, og biblioteket er nå den viktigste offentlige møteplassen i flere bygder. Jeg har "
        "også ledet et samarbeid med frivilligsentralen og kulturskolen, der vi deler lokaler og "
        "bookingsystem, og jeg har skrevet en veileder om hvordan man måler bruken av biblioteket som "
        "møteplass og ikke bare i utlånstall. På fylkets bibliotekmøter holder jeg ofte innlegg om "
        "endringsledelse: det vanskeligste er ikke teknikken, men å forklare innbyggerne hvorfor en "
        "filial endres, og å ta de ansatte med på laget. Før jeg ble biblioteksjef, jobbet jeg åtte år "
        "som barne- og ungdomsbibliotekar og bygde opp lesesirkler og spillkvelder for tenåringer, som "
        "fortsatt er blant de mest besøkte tilbudene våre. Jeg leser gjerne et utkast til en litauisk "
        "plan, kommenterer den skriftlig og deler erfaringer i to videomøter."
    ),
    help_topics=[
        "meråpne bibliotek",
        "bibliotekstruktur og filialer",
        "biblioteket som møteplass",
        "brukerundersøkelser",
    ],
)
expert(
    "de",
    id="l002",
    name="Jurgita Lehmann",
    country="DE",
    city_ties=["Šiauliai"],
    languages=["lt", "de", "en", "ru"],
    hours_per_month=8,
    can_travel_to_lithuania=True,
    headline="Leiterin der Stadtteilbibliotheken einer Großstadt in Baden-Württemberg",
    cv=(
        "Geboren in Šiauliai, Studium der Bibliothekswissenschaft in Vilnius, seit 2003 in Deutschland. "
        "Nach einem Aufbaustudium Informationsmanagement war ich Fachreferentin an einer "
        "Hochschulbibliothek und bin 2012 zu einer Stadtbibliothek gewechselt. Heute leite ich die elf "
        "Stadtteilbibliotheken einer Stadt mit gut 300.000 Einwohnern. Vor sechs Jahren beschloss der "
        "Gemeinderat, das Zweigstellennetz neu aufzustellen: Mehrere kleine Standorte hatten kaum noch "
        "Ausleihen, die Räume waren dunkel, die Öffnungszeiten kurz. Ich habe dafür ein Standortkonzept "
        "erarbeitet. Grundlage waren Sozialraumdaten, Ausleih- und Besucherzahlen sowie Befragungen in "
        "den Stadtteilen, auch unter Menschen, die die Bibliothek gar nicht nutzen. Daraus entstanden "
        "drei Typen: große Stadtteilbibliotheken als „Dritte Orte“ mit Lernplätzen, Makerspace und "
        "Veranstaltungsraum; kleinere Standorte, die wir mit Bürgerbüros und Familienzentren unter einem "
        "Dach zusammengelegt haben; und zwei Zweigstellen, die wir geschlossen und durch einen Bücherbus "
        "ersetzt haben. Am schwierigsten war die Kommunikation, denn bei jeder Schließung gab es "
        "Unterschriftenlisten. Geholfen haben offene Planungswerkstätten, in denen Bewohnerinnen und "
        "Bewohner die neuen Räume mitgestaltet haben, und ein Beirat mit Vereinen, Schulen und "
        "Seniorenvertretungen. Seit dem Umbau sind die Besuchszahlen an den neuen Standorten deutlich "
        "gestiegen, die Ausleihen sind stabil geblieben. Außerdem habe ich in drei Stadtteilen die "
        "„Open Library“ mit Zugang per Bibliotheksausweis eingeführt und Kooperationen mit der "
        "Volkshochschule, der Schuldnerberatung und der Migrationsberatung aufgebaut, die ihre "
        "Sprechstunden jetzt in der Bibliothek anbieten. Im Landesverband arbeite ich in einer "
        "Arbeitsgruppe zur Bibliothek als Dritter Ort mit und habe an einer Handreichung für kleinere "
        "Kommunen mitgeschrieben. Zu meinem Alltag gehören auch ganz praktische Fragen: Wie viel "
        "Personal braucht ein Standort mit erweiterten Öffnungszeiten, welche Bestände lohnen sich in "
        "kleinen Räumen noch, und wie begründet man den Umbau gegenüber der Kämmerei? Dafür habe ich "
        "ein einfaches Kennzahlensystem entwickelt, das wir jedes Jahr im Kulturausschuss vorstellen. "
        "Einer litauischen Bibliothek, die ihr Filialnetz verändern will, helfe "
        "ich gern bei der Bewertung eines Konzepts, schlage Fragebögen und Kennzahlen vor und erzähle "
        "offen, welche Fehler wir gemacht haben."
    ),
    help_topics=[
        "Standortkonzept für Stadtteilbibliotheken",
        "Bibliothek als Dritter Ort",
        "Bürgerbeteiligung bei Umbauten",
        "Open Library",
    ],
)
expert(
    "lt",
    id="l003",
    name="Aldona Mikalauskienė",
    country="LT",
    city_ties=["Molėtai", "Utena"],
    languages=["lt", "ru", "en"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Buvusi rajono viešosios bibliotekos direktorė, kultūros paslaugų konsultantė",
    cv=(
        "Dvidešimt metų dirbau rajono savivaldybės viešojoje bibliotekoje, iš jų devynerius – "
        "direktore. Mūsų tinklą sudarė 27 kaimo padaliniai, dažnas jų – vienas darbuotojas nešildomoje "
        "patalpoje buvusiame apylinkės pastate. 2014–2019 m. kartu su savivaldybe parengėme filialų "
        "optimizavimo planą: kiekvienam padaliniui suskaičiavome lankytojų srautus, išlaidas vienam "
        "apsilankymui, atstumą iki kitos bibliotekos ir mokyklos. Septynis mažiausius padalinius "
        "sujungėme su mokyklų bibliotekomis ar seniūnijų patalpomis, o likusius atnaujinome kartu su "
        "bendruomenėmis: įrengėme kompiuterių vietas, vaikų kampelius, salę susirinkimams. Kaimo "
        "bibliotekose atsirado e. paslaugų konsultacijos senjorams, rankdarbių ir kalbų būreliai, "
        "jaunimo vakarai. Prieš kiekvieną sprendimą seniūnijose rengėme gyventojų susitikimus ir "
        "anketines apklausas – be jų pertvarka nebūtų pavykusi, nes kaime biblioteka dažnai yra "
        "paskutinė likusi viešoji įstaiga. 2020 m. išvykau pas šeimą į Airiją ir trejus metus Korke "
        "koordinavau viešosios bibliotekos bendruomenės programas, o 2023 m. grįžau į Lietuvą. Dabar "
        "konsultuoju savivaldybes, kaip rengti kultūros ir bibliotekų paslaugų planus, ir dalyvauju "
        "bibliotekininkų draugijos darbo grupėje. Galiu perskaityti koncepciją, įvertinti jungimo "
        "kriterijus ir papasakoti, kaip kalbėtis su kaimo bendruomenėmis, kai keičiasi jų biblioteka."
    ),
    help_topics=[
        "bibliotekų filialų optimizavimas",
        "kaimo bibliotekos kaip bendruomenės namai",
        "gyventojų apklausos ir susitikimai",
    ],
)
expert(
    "sv",
    id="l004",
    name="Lina Andersson",
    country="SE",
    city_ties=["Kaunas"],
    languages=["lt", "sv", "en"],
    hours_per_month=2,
    can_travel_to_lithuania=False,
    headline="Enhetschef för närbiblioteken i en västsvensk kommun",
    cv=(
        "Jag är född i Kaunas och har bott i Sverige sedan 2009. Jag är utbildad bibliotekarie och "
        "arbetar som enhetschef för närbiblioteken i en kommun i Västsverige med fem filialer. Under de "
        "senaste åren har vi gjort om två av dem till meröppna bibliotek, där låntagarna kommer in med "
        "lånekort och pinkod även när personalen har gått hem, och vi har flyttat ett bibliotek till "
        "samma hus som medborgarkontoret och fritidsgården. Jag ledde arbetet med kommunens nya "
        "biblioteksplan, som fullmäktige antog 2022, och genomförde dialogmöten i alla kommundelar och "
        "en enkät som fick över tusen svar. I dag är biblioteken mötesplatser med språkcaféer, läxhjälp "
        "och digital hjälp för äldre, och besöken har ökat trots att utlåningen är ungefär densamma. "
        "Jag har småbarn och ett heltidsjobb, så jag har tyvärr bara ett par timmar i månaden, men jag "
        "svarar gärna på frågor via mejl och kan läsa ett kortare dokument om det inte är för "
        "omfattande."
    ),
    help_topics=["meröppna bibliotek", "biblioteksplan och dialogmöten"],
)
expert(
    "en",
    id="l005",
    name="Tomas Reid",
    country="GB",
    city_ties=["Klaipėda"],
    languages=["en", "lt"],
    hours_per_month=5,
    can_travel_to_lithuania=True,
    headline="Open-source maintainer and developer-community lead",
    cv=(
        "I lead the developer community team at a software company in Edinburgh and maintain two widely "
        "used open-source libraries for geospatial data in Python. Much of my work is about modernising "
        "a large library ecosystem: we split a monolithic package into a network of smaller modules, "
        "moved the documentation to a new community hub and wrote migration guides so that thousands "
        "of downstream users could upgrade without breaking their code. I also run our community "
        "programme: monthly online meet-ups, a mentoring scheme for first-time contributors and a "
        "forum where users answer each other's questions. I care about the governance of open-source "
        "communities – codes of conduct, funding for maintainers, and how decisions get made when a "
        "project grows from two people to two hundred. Before that I was a backend engineer at a "
        "payments start-up, where I built the internal package registry. I grew up in Klaipėda and "
        "moved to Scotland at fourteen; my Lithuanian is fine for conversation but slow in writing. "
        "I'd be glad to talk to Lithuanian developers about maintaining open-source projects and "
        "building a healthy contributor community around them."
    ),
    help_topics=[
        "open-source library maintenance",
        "developer community building",
        "documentation hubs",
    ],
)
expert(
    "lt",
    id="l006",
    name="Mindaugas Vaitkus",
    country="NL",
    city_ties=["Kėdainiai"],
    languages=["lt", "en", "ru", "nl"],
    hours_per_month=4,
    can_travel_to_lithuania=True,
    headline="Logistikos tinklo plėtros vadovas tarptautinėje transporto bendrovėje",
    cv=(
        "Roterdame dirbu logistikos tinklo plėtros vadovu bendrovėje, kuri valdo dvylika paskirstymo "
        "centrų Beneliukso šalyse ir Lenkijoje. Pastaruosius trejus metus vadovavau tinklo "
        "modernizavimo programai: mažus sandėlius jungėme į regioninius logistikos centrus (angl. "
        "hubs), įdiegėme automatines rūšiavimo linijas ir naują sandėlio valdymo sistemą. Modeliavau "
        "krovinių srautus, skaičiavau, kur apsimoka atidaryti naują terminalą, o kur užtenka kryžminio "
        "perkrovimo aikštelės, ir rengiau investicijų pagrindimus valdybai. Kartu su vietos "
        "bendruomenėmis ir savivaldybėmis derinome sunkvežimių maršrutus bei naktinio darbo triukšmo "
        "ribas, nes nauji centrai dažnai atsiranda šalia gyvenamųjų rajonų. Esu baigęs transporto "
        "inžineriją Vilniuje, prieš išvykdamas į Nyderlandus penkerius metus dirbau ekspedicijos "
        "įmonėje Kaune. Mano darbe daug skaičių – sandėlio užimtumas, vidutinis pristatymo laikas, kaina "
        "vienai paletei, todėl kasdien dirbu su duomenų analitikais ir planavimo sistemų tiekėjais. "
        "Taip pat vedžiau mokymus naujiems pamainų vadovams apie saugų darbą su krautuvais ir naktinių "
        "pamainų organizavimą. Praėjusiais metais atidarėme naują centrą prie Duisburgo uosto. Laisvu laiku padedu organizuoti lietuvių bendruomenės renginius Roterdame. "
        "Mielai pasidalyčiau patirtimi su Lietuvos logistikos įmonėmis, kurios plečia sandėlių tinklą."
    ),
    help_topics=[
        "logistikos centrų tinklo planavimas",
        "sandėlių automatizavimas",
        "krovinių srautų modeliavimas",
    ],
)
grades("c201", l001=2, l002=2, l003=2, l004=1, l028=1)


# --- c202: cycling-infrastructure network plan (lt) -----------------------------------
challenge(
    id="c202",
    municipality="Šiauliai",
    kind="expert_opinion",
    title="Šiaulių miesto dviračių infrastruktūros tinklo planas",
    description=(
        "Šiaulių miesto savivaldybė rengia dviračių infrastruktūros plėtros planą iki 2035 metų. "
        "Mieste jau yra apie 60 km dviračių takų, tačiau jie išsibarstę, nesujungti su mokyklomis, "
        "pramonės zonomis ir geležinkelio stotimi, o sankryžose dažni eismo įvykiai su "
        "dviratininkais. Norime nustatyti pagrindinių maršrutų tinklą, parinkti sprendinius "
        "skirtingoms gatvėms (atskirti takai, dviračių juostos, ramaus eismo zonos), įvertinti "
        "pavojingiausias sankryžas ir sudaryti investicijų eiliškumą. Ieškome eksperto, kuris "
        "recenzuotų plano projektą, pasidalytų miestų, kuriuose dviračiu kasdien važinėja daug "
        "gyventojų, patirtimi ir patartų, kaip matuoti rezultatus. Darbas nuotolinis, galimas vienas "
        "vizitas."
    ),
    languages_required=[],
    hours_needed_per_month=8,
    in_person=False,
    skills_wanted=[
        "dviračių infrastruktūros tinklo planavimas",
        "sankryžų eismo saugumo vertinimas",
        "judumo duomenų analizė",
    ],
)
expert(
    "fr",
    id="l007",
    name="Sandra Dubois-Jankauskaitė",
    country="FR",
    city_ties=["Radviliškis"],
    languages=["lt", "fr", "en"],
    hours_per_month=8,
    can_travel_to_lithuania=True,
    headline="Cheffe de projet mobilités actives dans une métropole de l'Ouest de la France",
    cv=(
        "Née à Radviliškis, je vis en France depuis 2005. Après un master d'urbanisme et "
        "d'aménagement à Lyon, j'ai travaillé quatre ans dans un bureau d'études spécialisé en "
        "déplacements, où je réalisais des plans de circulation et des études de stationnement pour des "
        "villes moyennes. Depuis 2014, je suis cheffe de projet mobilités actives dans une métropole de "
        "700 000 habitants. J'ai piloté l'élaboration du schéma directeur vélo, adopté en 2019 : "
        "diagnostic des itinéraires existants, comptages automatiques et manuels, enquête auprès de "
        "4 000 cyclistes et non-cyclistes, puis définition d'un réseau structurant de douze lignes "
        "radiales et de deux rocades, complété par un maillage de desserte fine dans les quartiers. "
        "Pour chaque axe, nous avons choisi le type d'aménagement selon le trafic et la vitesse : piste "
        "cyclable bidirectionnelle ou unidirectionnelle, bande cyclable, vélorue, zone 30 ou double "
        "sens cyclable. Le traitement des carrefours a été le point le plus délicat : nous avons testé "
        "des sas vélo, des îlots de protection « à la hollandaise » et des feux décalés, et j'analyse "
        "chaque année l'accidentologie avec la police municipale. En cinq ans, la part modale du vélo "
        "est passée de 3 à 7 %, et les compteurs enregistrent plus de 40 000 passages par jour sur le "
        "pont principal. J'ai aussi monté la programmation pluriannuelle des investissements, avec une "
        "grille de priorisation qui croise potentiel d'usage, sécurité et coût, et j'ai préparé les "
        "dossiers de subvention auprès de l'État et de la région. Auparavant, j'avais contribué au plan "
        "de mobilité d'une agglomération voisine, où nous avons relié les collèges et les zones "
        "d'activité par des itinéraires continus et jalonnés. J'interviens régulièrement dans les "
        "formations d'un réseau national de collectivités engagées pour le vélo. Je peux relire un "
        "projet de plan, commenter les choix de tracé et de gabarit et, si besoin, venir une fois à "
        "Šiauliai pour parcourir le réseau à vélo avec l'équipe technique."
    ),
    help_topics=[
        "schéma directeur vélo",
        "aménagement des carrefours pour les cyclistes",
        "priorisation des investissements cyclables",
    ],
)
expert(
    "no",
    id="l008",
    name="Andrius Solberg",
    country="NO",
    city_ties=["Telšiai"],
    languages=["no", "lt", "en"],
    hours_per_month=6,
    can_travel_to_lithuania=False,
    headline="Trafikkplanlegger med ansvar for sykkelvegnett i en norsk storbyregion",
    cv=(
        "Jeg er sivilingeniør i samferdsel og har jobbet med sykkelplanlegging i femten år, først i et "
        "rådgivende ingeniørfirma og nå i fylkeskommunen i en av de største byregionene i Norge. Jeg var "
        "prosjektleder for hovedsykkelvegnettet i regionen: vi kartla reisestrømmer med data fra "
        "reisevaneundersøkelsen, faste tellepunkter og anonymiserte GPS-spor fra en sykkelapp, og fant "
        "ut hvor det manglet sammenhengende forbindelser mellom boligområder, skoler og arbeidsplasser. "
        "Resultatet ble en prioritert handlingsplan for sykkelveg med fortau, sykkelfelt og "
        "sykkelekspressveger, med kostnadsoverslag for hver strekning. Jeg har gjennomført "
        "trafikksikkerhetsrevisjoner av kryss og rundkjøringer, og vi har innført røde sykkelfelt "
        "gjennom kryss der vi hadde mange ulykker med høyresvingende biler. Nå leder jeg arbeidet med å "
        "måle effekten av byvekstavtalen: vi følger sykkeltellinger, ulykkesstatistikk og andelen "
        "elever som sykler til skolen, og rapporterer hvert år til politikerne. Jeg har også ledet "
        "arbeidet med sykkelparkering ved kollektivknutepunkter og skoler, fordi et godt nett ikke "
        "hjelper hvis folk ikke har et trygt sted å sette fra seg sykkelen. Foreldrene mine er fra "
        "Telšiai, og jeg snakker litauisk hjemme, men skriver helst på norsk eller engelsk. Jeg "
        "kommenterer gjerne en plan skriftlig og stiller i videomøter, men har dessverre ikke "
        "anledning til å reise."
    ),
    help_topics=[
        "hovedsykkelvegnett",
        "trafikksikkerhetsrevisjon av kryss",
        "sykkeltellinger og reisevaneundersøkelser",
    ],
)
expert(
    "mixed",
    id="l009",
    name="Eglė Petersen",
    country="DK",
    city_ties=["Šiauliai"],
    languages=["lt", "en", "da"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Urban mobility planner, cycling networks / judumo planuotoja Kopenhagoje",
    cv=(
        "Gimiau Šiauliuose, Vilniuje baigiau urbanistiką, o 2012 m. išvykau studijuoti į Daniją ir "
        "likau. Dabar dirbu judumo planuotoja konsultacinėje bendrovėje, kuri rengia dviračių "
        "strategijas Skandinavijos ir Baltijos miestams. Before that I spent six years in the "
        "Copenhagen traffic department on the cycle superhighway programme: route selection with the "
        "neighbouring municipalities, design standards for kerb-separated cycle tracks and "
        "before-and-after counts on every new section. We followed a simple rule – a connected "
        "network first, then width and comfort – and on some corridors cycling grew by a third within "
        "two years. Since 2020 I have led plans for mid-sized towns in Sweden and Estonia, always "
        "starting from a desire-line analysis of commuter data, school locations and large employers. "
        "Dirbdama su miestais daugiausia dėmesio skiriu sankryžoms: būtent ten įvyksta dauguma sunkių "
        "eismo įvykių su dviratininkais, todėl kiekvieną planą papildau pavojingų vietų auditu ir "
        "paprastais, pigiais sprendimais – pakeltomis perėjomis, atitraukta stop linija, apsauginėmis "
        "salelėmis. I'd be glad to review Šiauliai's draft, suggest a phasing of investments and come "
        "over once for a site visit if useful."
    ),
    help_topics=[
        "cycle network planning",
        "sankryžų saugumo auditas",
        "before-and-after cycling counts",
    ],
)
expert(
    "de",
    id="l010",
    name="Paulius Wagner",
    country="DE",
    city_ties=["Kaunas"],
    languages=["lt", "de", "en"],
    hours_per_month=3,
    can_travel_to_lithuania=True,
    headline="Radverkehrsbeauftragter einer mittelgroßen Stadt in Niedersachsen",
    cv=(
        "Ich bin in Kaunas aufgewachsen und 2008 nach Deutschland gekommen. Nach dem Studium des "
        "Bauingenieurwesens mit Schwerpunkt Verkehr habe ich sechs Jahre bei einem Ingenieurbüro "
        "Radwege und Knotenpunkte geplant. Seit 2016 bin ich Radverkehrsbeauftragter einer Stadt mit "
        "130.000 Einwohnern in Niedersachsen. Ich koordiniere die Umsetzung unseres "
        "Radverkehrskonzepts: Wir bauen ein Vorrangnetz aus Fahrradstraßen, geschützten "
        "Radfahrstreifen und gut ausgeschilderten Nebenrouten auf und haben in den letzten Jahren über "
        "40 Kreuzungen umgebaut. Zu meinen Aufgaben gehören die Abstimmung mit Tiefbauamt, Polizei und "
        "Straßenverkehrsbehörde, die Auswertung der Unfalldaten und Dauerzählstellen sowie die "
        "Öffentlichkeitsarbeit, etwa bei unserer jährlichen Fahrradaktion mit den Schulen. Besonders "
        "wichtig ist mir die Schulwegplanung: Für jede Grundschule haben wir mit Eltern und Polizei die "
        "gefährlichsten Stellen erfasst und nach und nach entschärft. Weil ich "
        "gerade ein Haus baue und zwei kleine Kinder habe, kann ich höchstens zwei bis drei Stunden im "
        "Monat anbieten, zum Beispiel ein kurzes Gespräch oder schriftliche Hinweise zu einzelnen "
        "Fragen des Plans."
    ),
    help_topics=["Radverkehrskonzept", "Umbau von Knotenpunkten", "Unfallauswertung Radverkehr"],
)
expert(
    "en",
    id="l011",
    name="Laura Bennett-Urbonas",
    country="GB",
    city_ties=["Anykščiai"],
    languages=["en", "lt"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Cycling event director and sponsorship manager",
    cv=(
        "I'm the event director of a professional road-cycling race in the north of England and run a "
        "small agency that plans mass-participation cycling events – sportives, gran fondos and "
        "charity rides with up to 8,000 riders. My job is planning the route for a single day: road "
        "closures, marshal points, feed stations, the safety plan agreed with the police and the "
        "ambulance service, and the network of sponsors and local councils that make the event "
        "possible. I negotiate broadcast and sponsorship deals and manage a team of twenty staff and "
        "three hundred volunteers on race day. Before events I worked in marketing for a bicycle brand, "
        "launching road and gravel bikes in the UK and Ireland, and I still ride about 10,000 km a "
        "year. My mother is from Anykščiai and we have family there; I have long wanted to bring a "
        "cycling festival to Lithuania and would be happy to advise a town that wants to host a race or "
        "a mass ride and attract sponsors for it."
    ),
    help_topics=["cycling event management", "race route and safety plans", "event sponsorship"],
)
expert(
    "lt",
    id="l012",
    name="Giedrius Stankevičius",
    country="IE",
    city_ties=["Šiauliai"],
    languages=["lt", "en", "ru"],
    hours_per_month=5,
    can_travel_to_lithuania=True,
    headline="Šviesolaidinio tinklo planavimo inžinierius telekomunikacijų bendrovėje",
    cv=(
        "Dubline dirbu tinklo planavimo inžinieriumi telekomunikacijų bendrovėje, kuri tiesia "
        "šviesolaidinį plačiajuostį tinklą kaimo vietovėse. Rengiu infrastruktūros tinklo plėtros "
        "planus: pagal adresų duomenis ir esamus kabelių kanalus skaičiuoju, kur tiesti magistralines "
        "linijas, kur statyti skirstymo spintas ir kiek namų ūkių prijungsime per metus. "
        "Geoinformacinėse sistemose modeliuoju trasas palei kelius ir dviračių takus, derinu "
        "kasinėjimo leidimus su savivaldybių inžinieriais, tikrinu rangovų darbų kokybę ir sudarau "
        "investicijų eiliškumą pagal vieno prijungimo kainą. Anksčiau penkerius metus dirbau "
        "Šiauliuose, mobiliojo ryšio bazinių stočių projektavime, o dar anksčiau Kaune baigiau "
        "elektronikos inžinerijos studijas. Dabar vadovauju keturių planuotojų ir dviejų GIS "
        "specialistų komandai, o kasdienis mano darbas – derinti inžinerinius sprendimus su biudžetu ir "
        "terminais. Domiuosi tinklo patikimumo analize ir "
        "tuo, kaip duomenimis pagrįsti plėtros sprendimus, o laisvalaikiu važinėju dviračiu ir kasmet "
        "dalyvauju labdaros žygyje aplink Airiją. Galėčiau patarti Lietuvos savivaldybėms, kaip "
        "planuoti plačiajuosčio ryšio plėtrą į atokias vietoves ir kaip kalbėtis su operatoriais bei "
        "valstybės paramos programų administratoriais."
    ),
    help_topics=[
        "šviesolaidinio tinklo planavimas",
        "plačiajuostis ryšys kaime",
        "GIS trasų modeliavimas",
    ],
)
grades("c202", l007=2, l008=2, l009=2, l010=1)


# --- c203: mental-health support for teenagers in schools (en, mentoring) ---------------
challenge(
    id="c203",
    municipality="Alytus",
    kind="mentoring",
    title="Mentoring school teams on mental-health support for teenagers",
    description=(
        "Alytus city municipality has seen a sharp rise in anxiety, self-harm and school refusal "
        "among pupils aged 12 to 18, and the waiting lists of school psychologists are months long. "
        "We want to build a municipal programme in which every lower- and upper-secondary school has "
        "a trained support team (class teachers, social pedagogue, psychologist), a clear pathway for "
        "referring pupils to specialist services and regular prevention lessons. We are looking for a "
        "mentor who has done this work in schools and can meet our coordinator and the school teams "
        "monthly online: help us choose an evidence-based approach, train staff to spot early warning "
        "signs and set up peer-support and crisis protocols. Sessions will be held in English."
    ),
    languages_required=["en"],
    hours_needed_per_month=6,
    in_person=False,
    skills_wanted=[
        "adolescent mental health",
        "school-based prevention and early intervention",
        "training school staff",
    ],
)
expert(
    "sv",
    id="l013",
    name="Monika Lindqvist",
    country="SE",
    city_ties=["Druskininkai"],
    languages=["lt", "sv", "en"],
    hours_per_month=6,
    can_travel_to_lithuania=False,
    headline="Samordnande skolpsykolog inom elevhälsan i en svensk kommun",
    cv=(
        "Jag föddes i Druskininkai och flyttade till Sverige som tonåring, så jag vet hur det känns att "
        "vara ny och osäker i en skola. Jag är legitimerad psykolog och har arbetat inom elevhälsan i "
        "tretton år, de senaste sex som samordnande skolpsykolog för kommunens grundskolor och "
        "gymnasier med ungefär 9 000 elever. När jag började såg vi samma sak som många kommuner: "
        "ökande psykisk ohälsa, fler elever med oro, nedstämdhet och långvarig skolfrånvaro, och köer "
        "till barn- och ungdomspsykiatrin på flera månader. Vi byggde om elevhälsoarbetet från "
        "grunden. Varje skola har nu ett elevhälsoteam med rektor, kurator, skolsköterska, "
        "specialpedagog och psykolog som träffas varje vecka, och vi har en gemensam rutin för tidiga "
        "insatser: mentorn gör en kort kartläggning, teamet beslutar om stöd inom två veckor, och vi har "
        "en överenskommelse med regionen om snabbare remissvägar. Jag har infört ett strukturerat "
        "program för psykisk hälsa på högstadiet, med lektioner om stress, sömn och känslor, och "
        "utbildat över 300 lärare i att upptäcka varningssignaler och föra ett första samtal med en "
        "elev som mår dåligt. Vi har också en handlingsplan vid självskadebeteende och suicidrisk, som "
        "vi övar varje läsår. Den del av arbetet som jag tycker mest om är handledning: jag handleder "
        "kuratorer och nyanställda skolpsykologer i grupp en gång i månaden, och vi går igenom svåra "
        "ärenden tillsammans. Frånvaron minskade tydligt på de skolor som arbetat längst med modellen. "
        "Tidigare arbetade jag fyra år på en ungdomsmottagning, där jag mötte många tonåringar som "
        "aldrig hade sökt hjälp i skolan. Jag har också byggt upp en enkel uppföljning: varje termin "
        "mäter vi elevernas upplevda trygghet och stress med en kort enkät, och resultaten används när "
        "skolorna planerar nästa års förebyggande arbete. Det har gjort det lättare att få rektorerna "
        "att prioritera elevhälsan. Jag vill gärna vara mentor för ett litauiskt team via "
        "videomöten och dela material, rutiner och erfarenheter, på engelska eller litauiska."
    ),
    help_topics=[
        "elevhälsoteam och tidiga insatser",
        "handledning av kuratorer och skolpsykologer",
        "handlingsplan vid självskadebeteende",
    ],
)
expert(
    "pl",
    id="l014",
    name="Joanna Wasilewska",
    country="PL",
    city_ties=["Šalčininkai", "Vilnius"],
    languages=["pl", "lt", "en", "ru"],
    hours_per_month=8,
    can_travel_to_lithuania=True,
    headline="Psycholożka dziecięca, trenerka programów profilaktycznych dla szkół",
    cv=(
        "Urodziłam się w Solecznikach, a od studiów mieszkam w Polsce. Jestem psycholożką i "
        "psychoterapeutką dzieci i młodzieży. Od dwunastu lat pracuję w poradni "
        "psychologiczno-pedagogicznej w dużym mieście na Mazowszu, a wcześniej przez pięć lat byłam "
        "psychologiem szkolnym w liceum. W poradni koordynuję zespół wspierający szkoły: prowadzimy "
        "konsultacje dla nauczycieli i pedagogów, szkolimy wychowawców z rozpoznawania objawów "
        "depresji, zaburzeń lękowych i zachowań autodestrukcyjnych, a także pomagamy szkołom opracować "
        "procedury na wypadek kryzysu, na przykład próby samobójczej ucznia. Jestem współautorką "
        "programu profilaktycznego dla klas siódmych i ósmych oraz szkół średnich, opartego na treningu "
        "radzenia sobie ze stresem i regulacji emocji; program realizuje dziś ponad czterdzieści szkół, "
        "a jego ewaluacja wykazała spadek objawów lękowych u uczestników. Od trzech lat prowadzę też "
        "projekt wsparcia rówieśniczego: przeszkoleni uczniowie starszych klas pełnią dyżury w szkole i "
        "wiedzą, kiedy przekazać sprawę dorosłemu. Superwizuję młodych psychologów szkolnych i prowadzę "
        "grupy wsparcia dla pedagogów, którzy sami bywają wypaleni. Współpracuję z oddziałem "
        "psychiatrii dziecięcej, dlatego dobrze znam drogę od pierwszej rozmowy w szkole do leczenia "
        "specjalistycznego i wiem, gdzie najczęściej się zacina. W ubiegłym roku przygotowałam dla "
        "kuratorium cykl webinarów dla dyrektorów szkół o tym, jak zorganizować pomoc "
        "psychologiczno-pedagogiczną, gdy w szkole nie ma etatowego psychologa. Pracuję w nurcie "
        "poznawczo-behawioralnym, ale w szkołach najlepiej sprawdzają się proste, krótkie interwencje: "
        "kilka spotkań z uczniem, rozmowa z rodzicami i jasny plan dla wychowawcy. Co roku prowadzę też "
        "warsztaty dla rodziców nastolatków o tym, jak rozmawiać o emocjach, ekranach i śnie i jak nie "
        "przegapić chwili, w której zwykły smutek przechodzi w coś poważniejszego. Zależy mi na tym, by "
        "szkoła nie zostawała sama: nauczyciele muszą wiedzieć, do kogo zadzwonić tego samego dnia. "
        "Chętnie zostanę "
        "mentorką zespołu z Litwy: raz w miesiącu spotkanie online, pomoc w wyborze programu i w "
        "przygotowaniu szkoleń dla nauczycieli. Mam też certyfikat trenerki interwencji kryzysowej. "
        "Mówię po litewsku i po angielsku."
    ),
    help_topics=[
        "profilaktyka w szkołach",
        "procedury kryzysowe w szkole",
        "wsparcie rówieśnicze",
        "szkolenia dla wychowawców",
    ],
)
expert(
    "lt",
    id="l015",
    name="Vaida Jurkūnienė",
    country="GB",
    city_ties=["Kaunas"],
    languages=["lt", "en"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Vaikų ir paauglių psichiatrė, mokyklų psichikos sveikatos komandos vadovė Anglijoje",
    cv=(
        "Esu vaikų ir paauglių psichiatrė, rezidentūrą baigiau Kaune, o nuo 2013 m. dirbu Anglijoje, "
        "bendruomeninėje vaikų ir paauglių psichikos sveikatos tarnyboje. Prieš išvykdama trejus metus "
        "dirbau vaikų ligoninės psichiatrijos skyriuje. Pastaruosius ketverius metus "
        "vadovauju mokyklų psichikos sveikatos komandai, kuri dirba su dvidešimt dviem vidurinėmis "
        "mokyklomis. Mūsų psichologai ir psichikos sveikatos praktikai pačiose mokyklose teikia "
        "trumpąsias intervencijas paaugliams, turintiems lengvą ar vidutinį nerimą, prislėgtą nuotaiką "
        "ar miego sunkumų, o sunkesnius atvejus greitai nukreipia gydytojams. Mokytojams rengiu "
        "mokymus, kaip atpažinti savęs žalojimo ženklus, kaip kalbėtis su mokiniu apie savižudiškas "
        "mintis ir ką daryti pirmą valandą po krizės. Kartu su mokyklų vadovais sukūrėme bendrą krizių "
        "valdymo tvarką ir paprastą nukreipimo schemą, kurią supranta kiekvienas klasės auklėtojas. "
        "Taip pat kuruoju jaunųjų psichologų superviziją ir dėstau kursą apie paauglių psichikos "
        "sveikatą mokytojų kvalifikacijos tobulinimo programoje. Lietuvoje bendradarbiauju su vienu "
        "visuomenės psichikos sveikatos centru ir padedu jo specialistams diegti ankstyvosios "
        "intervencijos modelį mokyklose. Norėčiau mentoriauti Lietuvos savivaldybės komandai – galiu "
        "dirbti ir lietuviškai, ir angliškai."
    ),
    help_topics=[
        "paauglių psichikos sveikata",
        "ankstyvoji intervencija mokyklose",
        "mokytojų mokymai apie savęs žalojimą",
    ],
)
expert(
    "ru",
    id="l016",
    name="Ольга Петрайтене",
    country="IL",
    city_ties=["Visaginas"],
    languages=["ru", "lt", "he"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Детский и подростковый психолог муниципальной школьной психологической службы",
    cv=(
        "Я родилась и выросла в Висагинасе, окончила факультет психологии в Вильнюсе и в 2011 году "
        "переехала в Израиль. Уже десять лет работаю психологом в школьной психологической службе "
        "муниципалитета: курирую четыре средние школы, где учатся около трёх тысяч подростков. Моя "
        "работа – индивидуальные консультации учеников с тревогой, депрессивными состояниями и "
        "трудностями адаптации, особенно у детей из семей репатриантов, а также работа с классными "
        "руководителями и родителями. Я разработала для учителей короткий курс «Первые признаки»: как "
        "заметить, что подросток в беде, как начать разговор и куда его направить. После нескольких "
        "кризисных ситуаций мы вместе с директорами выстроили протокол действий при угрозе "
        "самоповреждения и организовали группы поддержки для учеников, переживших травматические "
        "события. Каждый год вместе с социальными работниками мы проводим в школах профилактические "
        "занятия о стрессе, травле и безопасности в интернете. Провожу супервизии для молодых школьных психологов. Свободно говорю по-русски, "
        "по-литовски и на иврите, но по-английски почти не говорю, поэтому могу работать только на "
        "литовском или русском языке. Буду рада поделиться опытом с литовскими школами."
    ),
    help_topics=[
        "психологическая помощь подросткам в школе",
        "обучение учителей распознаванию кризиса",
        "протокол при угрозе самоповреждения",
    ],
)
expert(
    "en",
    id="l017",
    name="Marius Sheridan",
    country="IE",
    city_ties=["Vilnius"],
    languages=["en", "lt"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Sales director, workplace mental-wellbeing platform",
    cv=(
        "I'm sales director for Europe at a fast-growing company that sells a mental-wellbeing app to "
        "employers. Our platform gives staff access to meditation content, mood tracking and video "
        "sessions with coaches, and we sell it to HR departments as part of their benefits package. I "
        "built the sales team from three to twenty-five people, closed our largest contracts with "
        "banks and airlines, and designed the onboarding that gets 40% of a client's employees active "
        "in the first month. Last year we launched a student version for universities, and I led the "
        "first deals with student unions. I also mentor founders in a start-up accelerator in Dublin, "
        "mostly on pricing, support contracts and selling to enterprise customers. Before that I spent "
        "eight years in software sales for HR and payroll systems. My father is from Vilnius and I've "
        "been improving my Lithuanian. I'd be glad to mentor Lithuanian health-tech start-ups on B2B "
        "sales and on scaling a subscription business."
    ),
    help_topics=["B2B sales of wellbeing apps", "mentoring start-up founders", "subscription pricing"],
)
expert(
    "en",
    id="l018",
    name="Rasa Whitfield",
    country="GB",
    city_ties=["Kaunas"],
    languages=["en", "lt"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Architect specialising in secondary-school buildings",
    cv=(
        "I'm an associate director at an architecture practice in Bristol and have designed eleven "
        "secondary schools and sixth-form colleges over fifteen years. My focus is how school buildings "
        "affect teenagers' wellbeing and mental health: daylight, acoustics, air quality, and the small "
        "things that reduce stress, such as wide corridors without blind corners, quiet rooms next to "
        "the library and toilets that pupils feel safe in. On our last project we ran workshops with "
        "pupils aged 12 to 17 and their teachers before drawing anything, and the post-occupancy survey "
        "showed that students felt calmer and more supported in the new building. I have written our "
        "practice's design guide on wellbeing in school buildings and speak at conferences on school "
        "estates. I studied architecture in Kaunas and moved to the UK in 2008. I would be happy to "
        "advise Lithuanian municipalities that are planning new secondary schools or extensions, "
        "especially on briefs, space standards and involving pupils in the design."
    ),
    help_topics=[
        "school building design",
        "wellbeing in school architecture",
        "pupil participation in design",
    ],
)
grades("c203", l013=2, l014=2, l015=2, l016=1)


# --- c204: energy renovation of Soviet-era blocks, resident meetings (lt, in person) --------
challenge(
    id="c204",
    municipality="Jonava",
    kind="workshop",
    title="Daugiabučių renovacijos gyventojų susirinkimų ciklas",
    description=(
        "Jonavos rajono savivaldybė per trejus metus nori atnaujinti dar 40 sovietmečiu statytų "
        "daugiabučių namų, tačiau daugelyje jų gyventojai balsuoja prieš renovaciją: bijo paskolos, "
        "nepasitiki rangovais ir nežino, kiek iš tiesų sutaupys už šildymą. Rengiame seminarų ir "
        "susirinkimų ciklą. Norime, kad ekspertas kartu su mūsų programos administratoriumi "
        "dalyvautų susirinkimuose namuose, paaiškintų, kaip apšiltinimas, šildymo sistemos "
        "sutvarkymas ir vėdinimas keičia sąskaitas ir patogumą, atsakytų į gyventojų klausimus apie "
        "finansavimą ir padėtų moderuoti sudėtingas diskusijas. Susirinkimai vyks vakarais Jonavoje, "
        "lietuvių kalba, apie dešimt per pusmetį."
    ),
    languages_required=["lt"],
    hours_needed_per_month=10,
    in_person=True,
    skills_wanted=[
        "daugiabučių namų modernizavimas",
        "gyventojų susirinkimų moderavimas",
        "pastatų energinis efektyvumas",
    ],
)
expert(
    "pl",
    id="l019",
    name="Henryk Szymański",
    country="PL",
    city_ties=["Vilnius"],
    languages=["pl", "lt", "ru"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Kierownik działu technicznego spółdzielni mieszkaniowej, termomodernizacja bloków",
    cv=(
        "Pochodzę z Wilna, gdzie skończyłem technikum budowlane, a od 1998 roku mieszkam w Białymstoku. "
        "Od osiemnastu lat pracuję w dużej spółdzielni mieszkaniowej, która zarządza ponad stu blokami "
        "z wielkiej płyty z lat siedemdziesiątych i osiemdziesiątych. Jako kierownik działu "
        "technicznego przeprowadziłem termomodernizację ponad sześćdziesięciu budynków: docieplenie "
        "ścian i stropodachów, wymianę okien na klatkach schodowych, modernizację węzłów cieplnych, "
        "montaż zaworów termostatycznych i podzielników ciepła, a w ostatnich latach także instalacje "
        "fotowoltaiczne na dachach. Zawsze zaczynamy od audytu energetycznego, a potem od rozmowy z "
        "mieszkańcami. W spółdzielni decyzje zapadają na zebraniach członków i w radzie nadzorczej, "
        "dlatego większość mojej pracy to nie projekty, ale zebrania w blokach: pokazuję rachunki za "
        "ciepło przed dociepleniem i po nim w sąsiednich budynkach, tłumaczę, jak działa kredyt "
        "termomodernizacyjny z premią, o ile wzrośnie opłata eksploatacyjna i kiedy inwestycja się "
        "zwróci. Nauczyłem się, że ludzie boją się przede wszystkim bałaganu na budowie i nieuczciwych "
        "wykonawców, więc przygotowaliśmy prosty harmonogram dla mieszkańców, dyżury inspektora nadzoru "
        "w każdej klatce i tablicę ogłoszeń z postępem prac. Na trudnych zebraniach, gdy emocje sięgają "
        "zenitu, pracuję razem z mediatorem, a starsze osoby, które nie przychodzą na zebrania, "
        "odwiedzamy w domach. Budynki po termomodernizacji zużywają średnio o 40 procent mniej ciepła, "
        "a w kilku blokach, w których mieszkańcy najpierw głosowali przeciw, po roku sami poprosili o "
        "kolejny etap prac. Przy każdym budynku pilnuję też spraw, o które mieszkańcy rzadko pytają, a "
        "które decydują o efekcie: szczelności połączeń okien, wentylacji po dociepleniu i regulacji "
        "instalacji grzewczej po zakończeniu robót. Po sezonie grzewczym porównujemy zużycie ciepła z "
        "audytem i pokazujemy wyniki na kolejnym zebraniu, bo to najlepiej przekonuje sąsiednie bloki. "
        "Prowadzę też szkolenia dla zarządców nieruchomości z regionu o tym, jak "
        "przygotować mieszkańców do takiej decyzji i jak odpowiadać na najczęstsze pytania. Mówię "
        "dobrze po litewsku, bo wychowałem się w Wilnie, i chętnie przyjadę na kilka wieczornych "
        "spotkań."
    ),
    help_topics=[
        "termomodernizacja bloków z wielkiej płyty",
        "zebrania mieszkańców spółdzielni",
        "kredyt termomodernizacyjny",
    ],
)
expert(
    "de",
    id="l020",
    name="Birutė Hoffmann",
    country="DE",
    city_ties=["Kėdainiai"],
    languages=["lt", "de", "en", "ru"],
    hours_per_month=12,
    can_travel_to_lithuania=True,
    headline="Projektleiterin energetische Sanierung bei einer Wohnungsgenossenschaft in Sachsen",
    cv=(
        "Ich bin Architektin, in Kėdainiai geboren und lebe seit 2001 in Deutschland. Seit vierzehn "
        "Jahren arbeite ich bei einer Wohnungsgenossenschaft in Leipzig, die rund 9.000 Wohnungen "
        "bewirtschaftet, die meisten davon in Plattenbauten der Serien WBS 70 und P2. Als "
        "Projektleiterin bin ich für die energetische Sanierung zuständig: Wärmedämmverbundsystem an "
        "Fassade und Kellerdecke, neue Fenster, Strangsanierung, hydraulischer Abgleich der Heizung, "
        "Lüftungskonzepte gegen Schimmel und an einigen Häusern Mieterstrom vom Dach. Bevor wir ein "
        "Haus sanieren, machen wir eine Bestandsaufnahme und eine Energieberatung und rechnen für jede "
        "Wohnung aus, wie sich Nutzungsentgelt und Heizkosten verändern. Entscheidend ist aber die "
        "Beteiligung der Mitglieder. Für jedes Objekt organisiere ich zwei bis drei "
        "Bewohnerversammlungen, meistens abends im Gemeinschaftsraum oder in der Schule nebenan. Ich "
        "erkläre mit Thermografiebildern, wo das Haus Wärme verliert, zeige Musterwohnungen in bereits "
        "sanierten Blöcken und beantworte Fragen zur Umlage, zur Bauzeit und dazu, ob man während der "
        "Arbeiten in der Wohnung bleiben kann. Viele Bewohner sind älter und haben Angst vor Lärm, "
        "Staub und höheren Kosten; seit es einen festen Ansprechpartner auf der Baustelle und eine "
        "Sprechstunde im Haus gibt, ist die Zustimmung deutlich gestiegen. Zusammen mit einer "
        "Moderatorin habe ich ein Format für schwierige Versammlungen entwickelt: erst Fragen sammeln, "
        "dann an kleinen Tischen diskutieren, am Ende nur über klare Varianten abstimmen. Nach der "
        "Sanierung sinkt der Heizwärmeverbrauch typischerweise um 35 bis 50 Prozent. In einem "
        "Austauschprojekt mit Wohnungsunternehmen aus Polen und Lettland habe ich die Diskussionen über "
        "die Sanierung sowjetischer Serienbauten aus der Nähe kennengelernt, und ich weiß, wie viel "
        "Misstrauen dort gegenüber Krediten und Baufirmen herrscht. Wichtig ist mir auch die Kontrolle "
        "danach: Wir werten die Verbrauchsdaten der ersten zwei Heizperioden aus und stellen sie bei der "
        "nächsten Versammlung vor, damit die Bewohner sehen, ob sich die Sanierung lohnt. Gibt es "
        "Abweichungen, suchen wir gemeinsam mit dem Heizungsbauer nach der Ursache. Ich spreche fließend Litauisch und "
        "komme gern für mehrere Abende nach Litauen."
    ),
    help_topics=[
        "energetische Sanierung von Plattenbauten",
        "Bewohnerversammlungen moderieren",
        "Lüftung und Schimmelvermeidung nach Dämmung",
    ],
)
expert(
    "en",
    id="l021",
    name="Ramūnas Doyle",
    country="IE",
    city_ties=["Jonava"],
    languages=["lt", "en"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Retrofit programme manager and community energy adviser",
    cv=(
        "I moved to Ireland in 2005 as a carpenter and now manage a deep-retrofit programme for a local "
        "authority housing department in the Midlands. We upgrade 1960s and 1970s concrete apartment "
        "blocks and terraced houses: external wall insulation, roof and floor insulation, "
        "triple-glazed windows, heat pumps replacing oil and solid-fuel heating, and mechanical "
        "ventilation with heat recovery. Each block goes from an energy rating of E or F to B2 or "
        "better. My team runs the whole resident side of the programme. Before a block is included, we "
        "hold open evenings in the community hall, explain in plain language what will change in each "
        "flat, what the grant covers and what residents pay, and show real bills from blocks we "
        "finished a year earlier. I chair most of these meetings myself; the hardest ones are with "
        "owner-occupiers in mixed blocks, who have to agree on a loan together. We learned to bring a "
        "neutral energy adviser rather than the contractor, and to answer every question in writing "
        "afterwards. I also set up a retrofit champions scheme: residents from finished blocks come to "
        "meetings in the next block and tell their neighbours honestly what the building works were "
        "like. I speak Lithuanian at home and follow the apartment-block renovation programme in "
        "Lithuania closely; I'd gladly come over for a series of evening meetings."
    ),
    help_topics=[
        "deep retrofit of apartment blocks",
        "chairing resident meetings",
        "retrofit grants and loans explained",
    ],
)
expert(
    "ru",
    id="l022",
    name="Андрей Лаучюс",
    country="EE",
    city_ties=["Klaipėda"],
    languages=["ru", "lt", "et", "en"],
    hours_per_month=8,
    can_travel_to_lithuania=False,
    headline="Энергоаудитор, руководитель проектов реновации панельных домов в Таллине",
    cv=(
        "Я родился в Клайпеде, учился в Каунасе на инженера-теплотехника, а с 2010 года живу в Таллине. "
        "Двенадцать лет работаю энергоаудитором и руководителем проектов в инженерной фирме, которая "
        "готовит реновацию панельных многоквартирных домов для квартирных товариществ. Мы проводим "
        "энергоаудит, считаем, сколько тепла дом теряет через стены, окна, крышу и подвал, и подбираем "
        "пакет мер: утепление фасада, замену окон, новую систему отопления с балансировкой стояков, "
        "вентиляцию с рекуперацией тепла. Затем помогаем товариществу подать заявку на государственную "
        "поддержку и ведём технический надзор во время строительства. Я много раз выступал на общих "
        "собраниях собственников: объяснял, почему без вентиляции после утепления появится плесень, "
        "сколько будет платить каждая квартира по кредиту и как изменится счёт за отопление. Для меня "
        "особенно важно, чтобы жильцы понимали график работ и знали, к кому обращаться с жалобами во "
        "время стройки. Сейчас "
        "обучаю молодых аудиторов и готовлю методичку о типичных ошибках при реновации домов типовых "
        "серий. По семейным обстоятельствам в ближайший год не могу выезжать из Эстонии, но готов "
        "консультировать онлайн, по-литовски или по-русски."
    ),
    help_topics=[
        "энергоаудит многоквартирных домов",
        "реновация панельных домов",
        "собрания собственников квартир",
    ],
)
expert(
    "lt",
    id="l023",
    name="Justina Paulauskaitė",
    country="FI",
    city_ties=["Vilnius"],
    languages=["lt", "en", "fi"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Monumentaliosios dailės restauratorė, sovietmečio modernizmo paveldo tyrėja",
    cv=(
        "Esu monumentaliosios dailės restauratorė. Helsinkyje dirbu paveldo konservavimo įmonėje, o "
        "doktorantūroje tyrinėju sovietmečio modernizmo architektūrą Baltijos šalyse. Specializuojuosi "
        "mozaikų, sgrafito ir keramikinių fasadų restauravime: per aštuonerius metus restauravome "
        "daugiau kaip dvidešimt sovietmečiu statytų visuomeninių pastatų dekoro elementų – kino "
        "teatrų, mokyklų, kultūros namų. Dažnai dirbame kartu su statybininkais, kai pastatas "
        "renovuojamas ir apšiltinamas: parengiame tvarkybos projektą, kaip mozaiką nuimti, išsaugoti "
        "ir vėl sumontuoti ant naujo fasado, kad apšiltinimas nesunaikintų meno kūrinio. Su kolegomis "
        "organizuoju viešus pasivaikščiojimus ir paskaitas gyventojams apie modernizmo paveldą, renku "
        "gyventojų prisiminimus apie pastatus ir jų kūrėjus. Parengiau gaires savivaldybėms, kaip "
        "inventorizuoti sovietmečio dekoratyvinę dailę prieš renovaciją. Restauravimą studijavau "
        "Vilniuje, o po studijų ketverius metus tvarkiau bažnyčių sienų tapybą Žemaitijoje. Mano darbo "
        "kasdienybė – medžiagų tyrimai, skiedinių parinkimas, fragmentų dokumentavimas, restauravimo "
        "ataskaitos ir leidimų derinimas su paveldo institucijomis. Esu restauratorių sąjungos narė ir "
        "kasmet vedu praktinius seminarus studentams. Galiu konsultuoti "
        "savivaldybes ir paveldo specialistus, kaip išsaugoti vertingus dekoro elementus renovuojant "
        "pastatus."
    ),
    help_topics=[
        "mozaikų ir sgrafito restauravimas",
        "sovietmečio modernizmo paveldas",
        "dekoro išsaugojimas apšiltinant fasadus",
    ],
)
expert(
    "lt",
    id="l024",
    name="Tadas Žukauskas",
    country="LU",
    city_ties=["Jonava"],
    languages=["lt", "en", "fr", "de"],
    hours_per_month=5,
    can_travel_to_lithuania=True,
    headline="Investuotojų santykių vadovas biržinėje energetikos bendrovėje",
    cv=(
        "Liuksemburge vadovauju investuotojų santykių skyriui biržinėje energetikos bendrovėje, kuri "
        "valdo vėjo ir saulės elektrines keliose Europos šalyse. Organizuoju visuotinius akcininkų "
        "susirinkimus, rengiu jų darbotvarkes, balsavimo tvarką ir pranešimus, moderuoju investuotojų "
        "dienas ir ketvirtinių rezultatų pristatymus. Kartu su tvarumo komanda rengiu metinę ataskaitą "
        "apie bendrovės energijos vartojimo efektyvumą ir išmetamą CO2 kiekį, atsakau į fondų ir "
        "reitingų agentūrų klausimus. Prieš tai šešerius metus dirbau audito bendrovėje Vilniuje ir "
        "tikrinau energetikos bei statybos įmonių finansines ataskaitas. Esu baigęs finansus ir turiu "
        "finansų analitiko kvalifikaciją. Gerai išmanau, kaip sudėtingus skaičius paaiškinti "
        "nespecialistams ir kaip ramiai suvaldyti įtemptą susirinkimą, kai akcininkai nepatenkinti "
        "rezultatais. Kasdien dirbu su finansų direktoriumi ir teisininkais: ruošiame pranešimus "
        "biržai, sekame akcininkų struktūrą, prisitaikome prie naujų informacijos atskleidimo "
        "reikalavimų. Per dvejus metus suorganizavau aštuonis susirinkimus, iš jų du nuotolinius, kai "
        "balsuota elektroniniu būdu. Savaitgaliais lietuvių bendruomenės mokykloje vedu finansinio "
        "raštingumo pamokas paaugliams. Galiu patarti Lietuvos įmonėms, kaip ruoštis pirminiam akcijų platinimui ir "
        "bendrauti su investuotojais."
    ),
    help_topics=[
        "akcininkų susirinkimų organizavimas",
        "investuotojų santykiai",
        "tvarumo ataskaitos",
    ],
)
grades("c204", l019=2, l020=2, l021=2, l022=1)


# --- c205: design contest for a regional museum's permanent exhibition (lt) -----------------
challenge(
    id="c205",
    municipality="Biržų rajonas",
    kind="design_contest",
    title="Regioninio muziejaus nuolatinės ekspozicijos dizaino konkursas",
    description=(
        "Biržų rajono savivaldybė atnaujina regioninio muziejaus pastatą ir 2027 m. skelbs "
        "tarptautinį nuolatinės ekspozicijos dizaino konkursą. Nauja ekspozicija (apie 900 m²) turi "
        "papasakoti krašto istoriją nuo piliakalnių iki šių dienų, būti patraukli mokiniams ir "
        "šeimoms ir prieinama žmonėms su negalia. Ieškome eksperto, kuris padėtų parengti konkurso "
        "sąlygas ir užduotį: suformuluoti ekspozicijos koncepciją ir pasakojimo struktūrą, numatyti "
        "vertinimo kriterijus ir biudžetą, o vėliau dalyvautų vertinimo komisijoje kaip "
        "nepriklausomas narys. Darbas daugiausia nuotolinis, komisijos posėdžiui – vienas vizitas "
        "Biržuose."
    ),
    languages_required=[],
    hours_needed_per_month=10,
    in_person=False,
    skills_wanted=[
        "muziejų ekspozicijų kūrimas",
        "ekspozicijos koncepcijos ir pasakojimo rengimas",
        "dizaino konkursų sąlygų rengimas ir vertinimas",
    ],
)
expert(
    "fr",
    id="l025",
    notable=True,
    name="Aurélie Vasiliauskas",
    country="FR",
    city_ties=["Panevėžys"],
    languages=["fr", "lt", "en"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Muséographe indépendante, programmes et parcours permanents de musées",
    cv=(
        "Je suis muséographe indépendante et je vis à Lyon depuis 2004. Mes grands-parents ont quitté "
        "la Lituanie en 1944 ; j'ai appris le lituanien à la maison et je l'ai perfectionné pendant "
        "une année d'études à Vilnius. Après une licence d'histoire de l'art et un master de "
        "muséologie, j'ai travaillé six ans dans une agence de scénographie, puis j'ai créé mon propre "
        "atelier en 2013. Depuis, j'ai conçu ou coconçu neuf parcours permanents, surtout pour des "
        "musées d'histoire et de société de taille moyenne : un musée départemental d'archéologie, un "
        "musée de la mine, un écomusée de vallée et plusieurs maisons de pays. Mon travail commence "
        "bien avant le dessin : avec les conservateurs, je rédige le programme muséographique, je "
        "construis le scénario de visite en séquences, je choisis les objets phares et je définis les "
        "niveaux de lecture, pour que l'enfant de dix ans comme le spécialiste y trouvent leur compte. "
        "Je travaille ensuite avec des scénographes, des graphistes et des concepteurs multimédias sur "
        "les dispositifs : vitrines, manipulations, audiovisuels, maquettes tactiles, cartels en gros "
        "caractères et textes en facile à lire et à comprendre. L'accessibilité est au cœur de ma "
        "pratique : je me suis formée à la conception universelle et je teste systématiquement les "
        "prototypes avec des associations de personnes aveugles, sourdes ou en fauteuil. J'ai aussi "
        "une longue expérience de la commande publique en scénographie. J'ai rédigé plusieurs "
        "programmes de concours pour des collectivités, avec le cahier des charges, la grille "
        "d'analyse des offres, le calendrier et l'enveloppe budgétaire, et j'ai siégé dans une dizaine "
        "de jurys de concours de scénographie. Je sais à quel point un programme clair fait la "
        "différence : quand les candidats comprennent l'histoire que le musée veut raconter et les "
        "contraintes du bâtiment, les projets sont meilleurs et les coûts mieux tenus. Je donne enfin "
        "un cours de muséographie dans un master professionnel, où mes étudiants réalisent chaque "
        "année une exposition temporaire pour un petit musée de la région. Je serais heureuse d'aider "
        "un musée lituanien à préparer son concours, de relire le programme et, si on me le demande, "
        "de faire partie du jury."
    ),
    help_topics=[
        "programme muséographique",
        "scénario de visite et niveaux de lecture",
        "programmes et jurys de concours de scénographie",
        "accessibilité des expositions",
    ],
)
expert(
    "es",
    id="l026",
    name="Lucía Navickas",
    country="ES",
    city_ties=["Kaunas"],
    languages=["es", "lt", "en", "ca"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Directora de museografía en un estudio de diseño de exposiciones de Barcelona",
    cv=(
        "Nací en Kaunas y llegué a Barcelona con mis padres a los nueve años. Estudié Bellas Artes y un "
        "máster en museografía y gestión del patrimonio, y desde hace dieciséis años diseño "
        "exposiciones. Dirijo el área de museografía de un estudio de diseño de doce personas, entre "
        "arquitectos, diseñadores gráficos y de interacción. Hemos realizado la museografía permanente "
        "de varios museos comarcales y de ciudad en Cataluña, Aragón y el País Vasco, además de centros "
        "de interpretación en parques naturales. En cada proyecto trabajamos con el equipo del museo el "
        "guion museológico: qué historia contamos, en qué orden, con qué piezas y con qué recursos; "
        "después lo traducimos en un proyecto museográfico con plantas, alzados, mobiliario expositivo, "
        "iluminación, gráfica y audiovisuales. Me interesa especialmente cómo un museo local puede "
        "explicar siglos de historia sin convertirse en un libro colgado en la pared: apostamos por "
        "pocas piezas bien elegidas, testimonios orales, mapas interactivos y espacios donde las "
        "familias pueden tocar y jugar. Hemos ganado seis concursos públicos de museografía y he sido "
        "miembro del jurado en otros tres, así que conozco bien los dos lados: sé qué documentación "
        "necesita un equipo para hacer una buena propuesta y qué criterios ayudan al jurado a comparar "
        "proyectos muy distintos. También he asesorado a dos ayuntamientos en la redacción de las bases "
        "del concurso y del pliego técnico. Todos nuestros proyectos cumplen criterios de accesibilidad "
        "universal: alturas de vitrinas, contraste, textos de lectura fácil, signoguías y bucles "
        "magnéticos. Antes de dirigir el área trabajé cuatro años como museógrafa en un museo de "
        "historia de la ciudad, donde coordiné la renovación de sus salas permanentes y aprendí cuánto "
        "cuesta mantener una exposición durante quince años: los materiales, el mantenimiento de los "
        "audiovisuales y la rotación de piezas frágiles tienen que estar previstos desde el concurso. "
        "Hablo lituano con mi familia, aunque escribo mejor en español o en inglés. Puedo "
        "colaborar a distancia en la preparación del concurso y viajar a Lituania para las sesiones del "
        "jurado."
    ),
    help_topics=[
        "guion museológico",
        "proyecto museográfico",
        "bases de concursos de museografía",
    ],
)
expert(
    "uk",
    id="l027",
    name="Оксана Мажейкіс",
    country="UA",
    city_ties=["Panevėžys"],
    languages=["uk", "ru", "en", "pl", "lt"],
    hours_per_month=8,
    can_travel_to_lithuania=True,
    headline="Кураторка, авторка концепцій постійних музейних експозицій",
    cv=(
        "Я кураторка і дослідниця зі Львова. Мій батько литовець із Паневежиса, тому литовську я "
        "розумію і розмовляю нею на побутовому рівні. Понад п'ятнадцять років працюю з музеями: спершу "
        "як наукова співробітниця обласного історичного музею, а з 2016 року – як керівниця "
        "невеликого кураторського бюро, що розробляє концепції постійних експозицій для краєзнавчих "
        "музеїв. Разом із командою ми створили нові експозиції для шести музеїв у Західній Україні: від "
        "тематико-експозиційного плану й сценарію відвідування до технічного завдання для "
        "дизайнерів. Ми відмовилися від старого підходу, коли в залі просто виставлено все, що є у "
        "фондах, і будуємо експозицію навколо історій конкретних людей і місць, з різними рівнями "
        "тексту, інтерактивними станціями та простором для освітніх програм. Маю досвід організації "
        "відкритих конкурсів на дизайн експозиції: готувала умови конкурсу, технічне завдання, "
        "критерії оцінювання, відповідала на запитання учасників і була секретаркою журі. На один із "
        "цих конкурсів надійшли заявки з восьми країн. Під час війни ми допомагали евакуювати фонди і "
        "створили тимчасову виставку про життя міста, яку відвідали понад сорок тисяч людей. Регулярно "
        "читаю лекції для музейників про сучасну музейну комунікацію та інклюзивність, зокрема про "
        "тактильні копії експонатів і тексти легкого читання. Охоче допоможу підготувати концепцію і "
        "конкурсну документацію, а також можу бути незалежною членкинею журі."
    ),
    help_topics=[
        "концепція постійної експозиції",
        "тематико-експозиційний план",
        "конкурси на дизайн експозиції",
    ],
)
expert(
    "no",
    id="l028",
    name="Ieva Nygård",
    country="NO",
    city_ties=["Biržai"],
    languages=["lt", "no", "en"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Leder for formidling i et kulturhus med regionmuseum og bibliotek",
    cv=(
        "Jeg er født i Biržai og har bodd i Norge siden 2010. Jeg er utdannet kulturformidler og leder "
        "i dag avdelingen for formidling og publikumsutvikling i et kulturhus i en mellomstor norsk by. "
        "Under samme tak har vi et regionmuseum, bibliotek, kino og scener, og huset har blitt byens "
        "felles stue. Jeg har ansvar for skoletilbudet i museet: omvisninger, verksteder og den "
        "kulturelle skolesekken for rundt 8 000 elever i året. Da museet fikk ny basisutstilling i "
        "2021, satt jeg i arbeidsgruppen og sørget for at elevenes og lærernes behov kom med i "
        "innholdet; selve utstillingsdesignet og konkurransen ble likevel ledet av konservatorene og en "
        "ekstern arkitekt. Jeg har også ledet arbeidet med å gjøre huset til en møteplass: vi åpnet "
        "biblioteket og kafeen tidlig om morgenen, startet språkkafé og leksehjelp og lar lag og "
        "foreninger bruke rommene gratis. Jeg er gjerne med på videomøter og kan fortelle hvordan vi "
        "samarbeider mellom museum og bibliotek, og hvordan vi involverer skolene."
    ),
    help_topics=[
        "museumsformidling for skoler",
        "kulturhus som møteplass",
        "samarbeid mellom museum og bibliotek",
    ],
)
expert(
    "en",
    id="l029",
    name="Kevin Adomaitis",
    country="US",
    city_ties=["Kaunas"],
    languages=["en"],
    hours_per_month=8,
    can_travel_to_lithuania=True,
    headline="Product manager for museum collection-management software",
    cv=(
        "I'm a product manager at a software company in Chicago that builds collection-management "
        "systems for museums. About 400 museums use our product, from big city art museums to small "
        "regional and county history museums, to catalogue objects, track loans and conservation, "
        "manage digital images and publish online exhibitions from the same database. I run the "
        "roadmap and a team of eleven engineers and two designers; my recent work was a redesign of "
        "the cataloguing screens, a public API and a module that turns a set of records into a web "
        "exhibition with a few clicks. I spend a lot of time with registrars and curators, "
        "understanding how they actually work, and I organise our annual user conference and its "
        "design awards for the best online exhibition built on our platform. Before this I was a "
        "database developer for a university library. My grandparents came from near Kaunas; I don't "
        "speak Lithuanian, but I would love to help Lithuanian museums digitise their collections and "
        "choose a collection database."
    ),
    help_topics=[
        "museum collection databases",
        "online exhibitions software",
        "digitising collections",
    ],
)
expert(
    "mixed",
    id="l030",
    name="Vytautas Krüger",
    country="DE",
    city_ties=["Biržai"],
    languages=["lt", "de", "en"],
    hours_per_month=6,
    can_travel_to_lithuania=True,
    headline="Fahrzeugdesigner / automobilių dizaineris, senovinių automobilių klubo pirmininkas",
    cv=(
        "Esu automobilių dizaineris, nuo 2006 m. gyvenu Štutgarte. Beruflich arbeite ich als Senior "
        "Designer im Interieur-Design eines großen Automobilzulieferers: Armaturentafeln, Sitze, "
        "Lichtkonzepte für den Innenraum. Wir nehmen regelmäßig an internen Designwettbewerben teil, "
        "und ich war zweimal in der Jury eines Nachwuchswettbewerbs für Fahrzeugdesign an einer "
        "Hochschule. Laisvalaikiu esu senovinių automobilių klubo pirmininkas: kasmet organizuojame "
        "parodą, kurioje eksponuojama per 150 automobilių, ir prižiūrime nedidelį klubo muziejų – "
        "buvusiame garaže įrengtą nuolatinę kolekciją, kurioje daugiausia sovietmečio automobiliai ir "
        "motociklai. Ich kümmere mich dort um die Restaurierung der Fahrzeuge, um Ersatzteile aus ganz "
        "Osteuropa und um die Sponsoren. Kiekvieną vasarą su klubo nariais važiuojame į Lietuvą, į "
        "senovinės technikos sąskrydį prie Biržų, o žiemą rengiame techninius seminarus apie variklių "
        "remontą. Beruflich habe ich gelernt, Entwürfe vor einem Gremium zu präsentieren und zu "
        "verteidigen; privat interessiert mich vor allem, wie man alte Fahrzeuge fahrbereit hält. Klubo "
        "svetainėje rašau straipsnius apie automobilių istoriją. Norėčiau padėti Lietuvos automobilių "
        "klubams ir pasidalyti patirtimi, kaip rengti "
        "senovinės technikos parodas ir rasti joms rėmėjų."
    ),
    help_topics=[
        "automobilių interjero dizainas",
        "Oldtimer-Ausstellungen",
        "senovinių automobilių restauravimas",
    ],
)
grades("c205", l025=2, l026=2, l027=2, l028=1)


# --- c206: job shadowing in a municipal IT / cybersecurity team (en) ------------------------
challenge(
    id="c206",
    municipality="Klaipėda",
    kind="job_shadowing",
    title="Job shadowing in the municipal IT and cybersecurity team",
    description=(
        "The IT division of Klaipėda city municipality (14 people) runs the network, servers and 900 "
        "workstations of the administration and its agencies, and stopped a ransomware attempt last "
        "year only by luck. We invite an experienced public-sector security practitioner to spend a "
        "working week with our team in Klaipėda: sit in on daily operations, review how we monitor "
        "alerts and manage patches, backups and user accounts, walk through our incident-response "
        "plan with us and suggest a realistic improvement roadmap. In return, two of our staff could "
        "later shadow the expert's own team for a week. Working language: English."
    ),
    languages_required=["en"],
    hours_needed_per_month=20,
    in_person=True,
    skills_wanted=[
        "security monitoring and operations",
        "incident response",
        "public-sector IT infrastructure management",
    ],
)
expert(
    "sv",
    id="l031",
    name="Karolis Berglund",
    country="SE",
    city_ties=["Klaipėda"],
    languages=["lt", "sv", "en"],
    hours_per_month=12,
    can_travel_to_lithuania=True,
    headline="Informationssäkerhetschef i en svensk kommun",
    cv=(
        "Jag flyttade från Klaipėda till Sverige 2007 och började som nätverkstekniker i en kommun i "
        "Mellansverige. I dag är jag informationssäkerhetschef i en kommun med 110 000 invånare och "
        "leder ett team på sex personer inom IT-säkerhet och drift. Vi ansvarar för skyddet av "
        "kommunens verksamhetssystem, från ekonomisystem och ärendehantering till vård och omsorg och "
        "skolornas administration. De senaste fyra åren har jag byggt upp kommunens "
        "säkerhetsövervakning: vi samlar loggar från brandväggar, servrar och klienter i ett SIEM, har "
        "en jourlista dygnet runt tillsammans med två grannkommuner och följer upp varje larm enligt "
        "fasta rutiner. Efter att en grannkommun drabbades av ett utpressningsvirus gjorde vi om vår "
        "incidenthanteringsplan, övade den i en krisövning med kommunledningen och införde "
        "säkerhetskopior som inte går att nå från nätet och som vi provar att återläsa varje kvartal. "
        "Jag har också infört tvåfaktorsautentisering för alla anställda, en process för "
        "sårbarhetshantering med fasta tidsfrister för patchning och behörighetsgranskning två gånger "
        "om året. En stor del av mitt arbete är att förklara risker för politiker och förvaltningschefer "
        "och att få budget för säkerhet i en verksamhet där allt annat också är viktigt. Vi arbetar "
        "enligt ett ledningssystem för informationssäkerhet baserat på ISO 27001 och rapporterar "
        "allvarliga incidenter till den nationella tillsynsmyndigheten. Innan jag blev säkerhetschef var "
        "jag i fem år driftansvarig för kommunens nätverk och servrar, så jag känner till vardagen i en "
        "liten IT-avdelning: gamla system som ingen vågar stänga av, leverantörer som styr "
        "uppdateringarna och för få personer på jourlistan. Därför börjar jag alltid med det enkla: "
        "inventering av tillgångar, konton och säkerhetskopior. Jag tar ofta emot praktikanter "
        "och kollegor från andra kommuner som får följa vårt arbete under en vecka, och jag vet hur "
        "mycket man lär sig av att se hur larmhanteringen faktiskt går till en vanlig tisdag. Jag "
        "kommer gärna till Litauen en vecka och tar sedan emot två kollegor hos oss."
    ),
    help_topics=[
        "säkerhetsövervakning och larmhantering",
        "incidenthantering i kommuner",
        "informationssäkerhet i offentlig sektor",
    ],
)
expert(
    "fr",
    id="l032",
    notable=True,
    name="Nicolas Rimkus",
    country="BE",
    city_ties=["Kaunas"],
    languages=["fr", "lt", "en", "nl"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Responsable de la sécurité des systèmes d'information d'une intercommunale",
    cv=(
        "Fils d'une mère lituanienne, j'ai grandi à Liège en parlant lituanien à la maison, puis j'ai "
        "fait mes études d'ingénieur en informatique à Bruxelles. Après sept ans comme administrateur "
        "systèmes et réseaux dans une entreprise de logistique, je suis passé au secteur public : je "
        "suis aujourd'hui RSSI d'une intercommunale qui fournit les services informatiques à "
        "vingt-trois communes et à leurs CPAS, soit environ 4 000 postes de travail. Mon équipe de huit "
        "personnes gère le centre opérationnel de sécurité mutualisé : supervision des journaux "
        "d'événements, détection des comportements suspects sur les postes grâce à un EDR, analyse des "
        "alertes et escalade vers les administrateurs des communes. Nous avons été confrontés à deux "
        "attaques sérieuses : un hameçonnage ciblé qui a compromis la messagerie d'un échevin, et une "
        "tentative de rançongiciel bloquée à temps dans une petite commune. Ces incidents m'ont appris "
        "l'importance d'un plan de réponse simple, connu de tous et testé : qui coupe quoi, qui prévient "
        "qui, comment communiquer avec les citoyens quand les guichets sont à l'arrêt. Depuis, nous "
        "organisons chaque année un exercice de crise avec les directeurs généraux des communes. J'ai "
        "aussi piloté la segmentation des réseaux communaux, la mise en place de sauvegardes "
        "immuables, la gestion centralisée des correctifs et l'authentification forte pour les accès à "
        "distance. Une partie importante de mon travail relève de la gouvernance : politique de "
        "sécurité, analyse de risques, conformité au RGPD et à la directive NIS2, sensibilisation du "
        "personnel par des campagnes de faux hameçonnage. Je forme régulièrement les informaticiens "
        "des petites communes, qui sont souvent seuls à tout gérer et n'ont ni le temps ni le budget "
        "d'un grand service ; pour eux, nous avons rédigé un socle de vingt mesures prioritaires, "
        "classées de la plus simple à la plus coûteuse, qui sert aujourd'hui de feuille de route dans "
        "la plupart des communes affiliées. J'ai également participé à la rédaction d'un guide "
        "régional sur la continuité des services communaux en cas de cyberattaque, avec des modèles de "
        "messages pour la population et une liste des applications à redémarrer en priorité. Avant chaque exercice, nous mettons à jour l'inventaire des "
        "serveurs et des applications critiques de chaque commune, car on ne protège bien que ce que "
        "l'on connaît ; cet inventaire, souvent négligé, est aussi la première chose que je demande à "
        "voir quand je visite une administration. J'accueille chaque année des stagiaires et des collègues d'autres administrations en "
        "immersion dans mon équipe, et j'aimerais beaucoup passer une semaine avec une équipe "
        "informatique municipale en Lituanie, puis recevoir ses collaborateurs à Liège."
    ),
    help_topics=[
        "centre opérationnel de sécurité mutualisé",
        "plan de réponse aux incidents",
        "sécurité informatique des communes",
        "NIS2 pour les collectivités",
    ],
)
expert(
    "en",
    id="l033",
    name="Aistė Harper",
    country="GB",
    city_ties=["Tauragė"],
    languages=["en", "lt"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Head of cyber security, shared IT service for three district councils",
    cv=(
        "I lead cyber security for a shared IT service that runs the infrastructure of three district "
        "councils in the East of England: about 2,500 staff, 300 servers and the networks of forty "
        "council buildings and depots. I started on the service desk in 2009, moved into network "
        "administration and took over security in 2017, after a phishing incident that took our "
        "payroll offline for two days. Since then I have built a small security operations function: "
        "centralised logging, an outsourced 24/7 monitoring partner that we manage closely, clear "
        "triage rules and a weekly review of every alert that was escalated. I wrote our incident "
        "response plan and the runbooks for ransomware, account compromise and data loss, and we "
        "rehearse them twice a year with the chief executives and the communications team. Other work "
        "I'm proud of: getting every council through the public-sector network compliance checks, "
        "retiring legacy systems with no vendor support, immutable backups, and a patching regime that "
        "brought critical vulnerabilities down from months to days. My team is small, four engineers "
        "and me, so most of our gains came from discipline rather than tools: a complete asset "
        "register, removing local admin rights, separating the networks of depots and leisure centres "
        "from the core, and a monthly meeting with service managers where we go through risks in plain "
        "English. When a supplier account was compromised last winter, we contained it within an hour "
        "because everyone knew the runbook and who had the authority to switch things off. I regularly host colleagues from "
        "other councils who spend a few days with my team, and I mentor two apprentices. I also chair a regional forum of council security leads. I grew up in "
        "Tauragė until I was twelve and still speak Lithuanian with my mum. I'd be glad to spend a "
        "week with a Lithuanian municipal IT team."
    ),
    help_topics=[
        "security operations for local government",
        "incident response runbooks",
        "patching and legacy systems",
    ],
)
expert(
    "mixed",
    id="l034",
    name="Simona Kavaliauskaitė",
    country="IE",
    city_ties=["Kaunas"],
    languages=["lt", "en"],
    hours_per_month=10,
    can_travel_to_lithuania=False,
    headline="Cloud security engineer / debesijos saugumo inžinierė",
    cv=(
        "Dublinas, nuo 2014 m. I'm a senior cloud security engineer at a large software company, where "
        "I run detection engineering for our cloud platform: writing detection rules, tuning alerts in "
        "our SIEM and leading incident response when something looks wrong at three in the morning. "
        "Last year I led the response to a leaked access key that was used to start crypto-mining "
        "servers, from the first alert to the post-incident review. Prieš tai penkerius metus dirbau "
        "Vilniuje, banko saugumo operacijų centre, kur analizavau incidentus, rašiau reagavimo "
        "procedūras ir mokiau naujus analitikus. Mano darbo kasdienybė – žurnalų analizė, "
        "incidentų tyrimai ir bendradarbiavimas su programuotojais, kad spragos būtų ištaisytos "
        "greitai. I also volunteer as a security reviewer for a small charity. I hold the usual certifications and teach an evening "
        "course on incident handling for career changers. Šiuo metu dėl šeimos aplinkybių negaliu "
        "keliauti, bet mielai konsultuočiau nuotoliniu būdu, pavyzdžiui, peržiūrėčiau savivaldybės "
        "incidentų valdymo planą ar stebėsenos taisykles ir atsakyčiau į IT komandos klausimus vaizdo "
        "skambučiu."
    ),
    help_topics=[
        "detection engineering",
        "incidentų valdymas",
        "cloud security reviews",
    ],
)
expert(
    "lt",
    id="l035",
    name="Arūnas Bagdonas",
    country="NO",
    city_ties=["Klaipėda"],
    languages=["lt", "no", "en", "ru"],
    hours_per_month=10,
    can_travel_to_lithuania=True,
    headline="Fizinės apsaugos bendrovės regiono vadovas, stebėjimo centro specialistas",
    cv=(
        "Daugiau kaip dešimt metų gyvenu Bergene ir vadovauju fizinės apsaugos bendrovės regiono "
        "padaliniui: saugome savivaldybių pastatus, mokyklas, uostą ir prekybos centrus. Esu atsakingas "
        "už 120 apsaugos darbuotojų, visą parą budintį stebėjimo centrą, vaizdo stebėjimo kameras, "
        "įeigos kontrolės sistemas ir signalizacijas. Kartu su savivaldybės specialistais parengiau jos "
        "pastatų saugumo planą: rizikos vertinimą, reagavimo į įsilaužimą ir gaisro signalą tvarką, "
        "evakuacijos pratybas. Vedu mokymus apie reagavimą į incidentus objektuose – nuo vagysčių iki "
        "agresyvių lankytojų – ir kasmet atnaujiname budėtojų instrukcijas. Pernai įdiegėme naują "
        "pavojaus mygtukų sistemą savivaldybės klientų aptarnavimo skyriuose ir sujungėme ją su "
        "stebėjimo centru. Prieš atvykdamas į Norvegiją dešimt metų dirbau policijoje Klaipėdoje. "
        "Mūsų stebėjimo centre dirba dvylika operatorių: jie priima signalus iš daugiau kaip 600 "
        "objektų, siunčia patrulius ir bendrauja su policija bei gaisrine. Esu parengęs operatorių "
        "darbo standartus ir kasmet organizuoju bendras pratybas su savivaldybės pastatų "
        "administratoriais. Laisvalaikiu padedu lietuvių bendruomenei Bergene. "
        "Mielai priimčiau Lietuvos savivaldybių saugos darbuotojus stažuotei ir parodyčiau, kaip dirba "
        "mūsų stebėjimo centras."
    ),
    help_topics=[
        "fizinė objektų apsauga",
        "stebėjimo centro darbo organizavimas",
        "pastatų saugumo planai",
    ],
)
expert(
    "mixed",
    id="l036",
    name="Greta Norkutė-Lewis",
    country="GB",
    city_ties=["Vilnius"],
    languages=["lt", "en"],
    hours_per_month=8,
    can_travel_to_lithuania=True,
    headline="Early-careers programme lead at an IT consultancy / jaunųjų talentų programų vadovė",
    cv=(
        "I lead early-careers programmes at a large IT consultancy in Manchester: graduate schemes, "
        "apprenticeships, internships and a job-shadowing programme in which 300 sixth-formers a year "
        "spend a week with our software, data and cybersecurity teams. I design the week, match each "
        "student with a host, train the hosts and measure the results; a third of our apprentices first "
        "came to us through job shadowing. I also run our partnerships with schools and colleges and "
        "manage a budget for outreach events. Every year I train about sixty volunteer hosts, "
        "engineers and analysts who have never mentored anyone, on how to plan a useful week for a "
        "teenager, what to let them see and how to give feedback. Kartu su mokyklomis rengiu karjeros "
        "dienas. Anksčiau šešerius metus dirbau personalo atrankos "
        "agentūroje Vilniuje ir ieškojau IT specialistų bankams bei programavimo įmonėms, todėl gerai "
        "pažįstu Lietuvos IT darbo rinką. Mielai padėčiau Lietuvos savivaldybėms ar įmonėms sukurti "
        "stažuočių ir darbo šešėliavimo programas jaunimui: nuo atrankos iki grįžtamojo ryšio po "
        "stažuotės."
    ),
    help_topics=[
        "job-shadowing programmes",
        "graduate and apprenticeship schemes",
        "stažuočių programos jaunimui",
    ],
)
grades("c206", l031=2, l032=2, l033=2, l034=1)


# --- skill coverage: per judged pair and per keyword trap, one key per skill_wanted ----------
# A key is a help topic, or a phrase that picks the evidence sentence of the CV; None = not covered.
TRAPS = {
    "c201": ["l005", "l006"],
    "c202": ["l011", "l012"],
    "c203": ["l017", "l018"],
    "c204": ["l023", "l024"],
    "c205": ["l029", "l030"],
    "c206": ["l035", "l036"],
}
NONE3 = [None, None, None]
SKILLS = {
    ("c201", "l001"): ["To små filialer", "Det frigjorde bemanning", "Vi gjennomførte en brukerundersøkelse"],
    ("c201", "l002"): [
        "Standortkonzept für Stadtteilbibliotheken",
        "Daraus entstanden drei Typen",
        "Grundlage waren Sozialraumdaten",
    ],
    ("c201", "l003"): ["Septynis mažiausius", "Kaimo bibliotekose atsirado", "Prieš kiekvieną sprendimą"],
    ("c201", "l004"): [
        "Under de senaste åren har vi gjort om",
        "I dag är biblioteken mötesplatser",
        "Jag ledde arbetet med kommunens nya biblioteksplan",
    ],
    ("c201", "l028"): [None, "Jeg har også ledet arbeidet med å gjøre huset til en møteplass", None],
    ("c202", "l007"): [
        "J'ai piloté l'élaboration du schéma directeur vélo",
        "Le traitement des carrefours",
        "En cinq ans, la part modale",
    ],
    ("c202", "l008"): [
        "Jeg var prosjektleder for hovedsykkelvegnettet",
        "Jeg har gjennomført trafikksikkerhetsrevisjoner",
        "sykkeltellinger og reisevaneundersøkelser",
    ],
    ("c202", "l009"): ["cycle network planning", "Dirbdama su miestais", "Since 2020 I have led plans"],
    ("c202", "l010"): [
        "Ich koordiniere die Umsetzung unseres",
        "Unfallauswertung Radverkehr",
        "Zu meinen Aufgaben gehören",
    ],
    ("c203", "l013"): [
        "Jag är legitimerad psykolog",
        "elevhälsoteam och tidiga insatser",
        "Jag har infört ett strukturerat program",
    ],
    ("c203", "l014"): [
        "Jestem psycholożką i psychoterapeutką",
        "Jestem współautorką programu profilaktycznego",
        "szkolenia dla wychowawców",
    ],
    ("c203", "l015"): [
        "paauglių psichikos sveikata",
        "Mūsų psichologai ir psichikos sveikatos praktikai",
        "Mokytojams rengiu mokymus",
    ],
    ("c203", "l016"): [
        "Моя работа",
        "Каждый год вместе с социальными работниками",
        "Я разработала для учителей",
    ],
    ("c204", "l019"): [
        "Jako kierownik działu technicznego",
        "Na trudnych zebraniach",
        "Zawsze zaczynamy od audytu energetycznego",
    ],
    ("c204", "l020"): [
        "Als Projektleiterin bin ich für die energetische Sanierung",
        "Zusammen mit einer Moderatorin",
        "Bevor wir ein Haus sanieren",
    ],
    ("c204", "l021"): [
        "We upgrade 1960s and 1970s concrete apartment blocks",
        "I chair most of these meetings myself",
        "Each block goes from an energy rating",
    ],
    ("c204", "l022"): [
        "реновация панельных домов",
        "Я много раз выступал на общих собраниях",
        "энергоаудит многоквартирных домов",
    ],
    ("c205", "l025"): [
        "j'ai conçu ou coconçu neuf parcours permanents",
        "Mon travail commence bien avant le dessin",
        "J'ai rédigé plusieurs programmes de concours",
    ],
    ("c205", "l026"): [
        "Hemos realizado la museografía permanente",
        "En cada proyecto trabajamos con el equipo del museo",
        "Hemos ganado seis concursos públicos",
    ],
    ("c205", "l027"): [
        "Разом із командою ми створили нові експозиції",
        "Ми відмовилися від старого підходу",
        "Маю досвід організації відкритих конкурсів",
    ],
    ("c205", "l028"): [None, "Da museet fikk ny basisutstilling", None],
    ("c206", "l031"): [
        "De senaste fyra åren har jag byggt upp",
        "Efter att en grannkommun drabbades",
        "Innan jag blev säkerhetschef",
    ],
    ("c206", "l032"): [
        "Mon équipe de huit personnes gère",
        "Ces incidents m'ont appris",
        "Après sept ans comme administrateur",
    ],
    ("c206", "l033"): [
        "Since then I have built a small security operations function",
        "I wrote our incident response plan",
        "I lead cyber security for a shared IT service",
    ],
    ("c206", "l034"): ["I'm a senior cloud security engineer", "Last year I led the response", None],
}


def sentences(text):
    """Split a CV into sentences; a full stop before a lowercase word or a digit does not end one."""
    parts = re.split(r"(?<=[.!?])\s+", text)
    out = []
    for part in parts:
        if out and not part[0].isupper():
            out[-1] += " " + part
        else:
            out.append(part)
    return out


def evidence(expert_row, key):
    """Return the help topic equal to key, or the one CV sentence that contains it."""
    if key in expert_row["help_topics"]:
        return key
    hits = [sent for sent in sentences(expert_row["cv"]) if key in sent]
    if len(hits) != 1:
        raise ValueError(f"{expert_row['id']}: {len(hits)} sentences contain {key!r}")
    return hits[0]


def skill_rows():
    """Build the skills file rows: judged pairs in qrels order, then each challenge's traps."""
    by_e = {e["id"]: e for e in EXPERTS}
    by_c = {c["id"]: c for c in CHALLENGES}
    pairs = [(c, e) for c, e, _ in QRELS] + [(c, e) for c, es in TRAPS.items() for e in es]
    rows = []
    for cid, eid in pairs:
        keys = SKILLS.get((cid, eid), NONE3)
        for skill, key in zip(by_c[cid]["skills_wanted"], keys, strict=True):
            text = "" if key is None else evidence(by_e[eid], key)
            rows.append(f"{cid}\t{eid}\t{skill}\t{int(key is not None)}\t{text}\n")
    return rows


def main():
    """Write the three files next to this script."""

    def dump(name, rows):
        lines = (json.dumps(row, ensure_ascii=False) for row in rows)
        (HERE / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    dump("challenges-a.jsonl", CHALLENGES)
    dump("experts-a.jsonl", EXPERTS)
    qrels = "".join(f"{c}\t{e}\t{g}\n" for c, e, g in QRELS)
    (HERE / "qrels-a.tsv").write_text(qrels, encoding="utf-8")
    header = "challenge_id\texpert_id\tskill\tcovered\tevidence\n"
    (HERE / "skills-a.tsv").write_text(header + "".join(skill_rows()), encoding="utf-8")


if __name__ == "__main__":
    main()
