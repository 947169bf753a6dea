"""The words and symbols a number may carry: units, prefixes, negative signs and the
statistical "no value" symbols.

Kept apart because these tables are data an official can check against real documents,
separate from the code that reads them.
"""

# Unit words that may follow a number, with the power of ten they apply. Magnitude words
# (십 백 천 만 억 조) are not units: they belong to the number, which is how "천원" scales.
UNITS: dict[str, int] = {
    # money
    "원": 0, "원정": 0, "KRW": 0, "달러": 0, "USD": 0, "엔": 0, "위안": 0, "유로": 0,
    # percent and per mille become fractions, like Excel's VALUE("12.5%")
    "%": -2, "%p": -2, "퍼센트": -2, "프로": -2, "‰": -3,
    # counts
    "건": 0, "명": 0, "인": 0, "대": 0, "개": 0, "개소": 0, "곳": 0, "가구": 0, "세대": 0,
    "호": 0, "회": 0, "번": 0, "차": 0, "매": 0, "권": 0, "부": 0, "점": 0, "장": 0, "통": 0,
    "마리": 0, "두": 0, "수": 0, "척": 0, "필지": 0, "필": 0, "동": 0, "채": 0, "그루": 0,
    "본": 0, "주": 0, "종": 0, "개국": 0, "개월": 0, "년": 0, "일": 0, "시간": 0, "분": 0,
    "세": 0, "층": 0, "배": 0,
    # measures
    "톤": 0, "t": 0, "kg": 0, "g": 0, "mg": 0, "km": 0, "㎞": 0, "m": 0, "cm": 0, "㎝": 0,
    "mm": 0, "㎜": 0, "㎡": 0, "m²": 0, "㎢": 0, "km²": 0, "㏊": 0, "ha": 0,
    "평": 0, "ℓ": 0, "L": 0, "리터": 0, "㎘": 0, "㎥": 0, "m³": 0, "kWh": 0, "㎾h": 0,
    "kW": 0, "㎾": 0, "MW": 0, "℃": 0,
}  # fmt: skip

# Words or symbols that may stand before a number and do not change it. "\" is the won sign
# as Korean Windows fonts draw it; "(일)금 … 원정" is how contracts and receipts write sums.
PREFIXES = ("₩", "￦", "\\", "US$", "$", "KRW", "일금", "금", "약")

# Signs that make a number negative. In 예산서/결산서 the triangle △ is the standard minus
# (△1,000 = 감액 1,000), and ▽ ▼ read the same. ▲ is ambiguous in general (stock tables use it
# for a rise), but in budget 증감 columns, which is where officials meet it, ▲ marks 감소, so
# it is negative here too. ∆ and Δ are the look-alikes fonts substitute for △.
NEGATIVE_SIGNS = ("-", "−", "–", "△", "▲", "▽", "▼", "∆", "Δ")
_SIGNS = (*NEGATIVE_SIGNS, "+")

# Statistical symbols and words that mean "no value" (KOSIS 통계표 기호 and common usage):
# key is the text without spaces, lower-cased; value is what it means.
PLACEHOLDERS: dict[str, str] = {
    "-": "해당 숫자 없음", "--": "해당 숫자 없음", "---": "해당 숫자 없음",
    "–": "해당 숫자 없음", "—": "해당 숫자 없음", "―": "해당 숫자 없음",
    "‐": "해당 숫자 없음", "‒": "해당 숫자 없음", "ㅡ": "해당 숫자 없음",
    "…": "미상 또는 미집계", "...": "미상 또는 미집계", "..": "미상 또는 미집계",
    "·": "해당 숫자 없음", "ㆍ": "해당 숫자 없음",
    "x": "비밀보호", "xx": "비밀보호", "*": "비밀보호 또는 생략", "**": "비밀보호 또는 생략",
    "n/a": "해당 없음", "na": "해당 없음", "n.a.": "해당 없음",
    "nan": "값 없음", "null": "값 없음", "none": "값 없음",
    "비공개": "비공개", "미공개": "비공개", "비밀": "비밀보호", "비밀보호": "비밀보호",
    "해당없음": "해당 없음", "해당사항없음": "해당 없음", "없음": "값 없음",
    "미상": "미상", "불명": "미상", "미집계": "미집계", "미조사": "미조사",
    "자료없음": "자료 없음", "통계없음": "자료 없음",
}  # fmt: skip

_EXCEL_ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")

# Units people type without superscripts; read as the units they mean.
_UNIT_ALIASES = {"m2": "m²", "m3": "m³"}  # also km2 → km²
