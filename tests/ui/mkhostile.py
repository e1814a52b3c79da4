# A hostile workspace for the UI tests (the tester's generator, copied):
# mkhostile.py WS IMPACT_LEVELS LIKELIHOOD_LEVELS RULE THRESHOLD NRISKS
import sys, os, random
ws, nimp, nlik, rule, thr, nrisk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
os.makedirs(ws+"/assessments", exist_ok=True)
def esc(s): return s.replace('\\','\\\\').replace('"','\\"')
lab = ["極めて重大な影響を及ぼす全国規模の長時間停止と人命への被害", "Minor", "", "中", "Very very very very very long label that goes on and on", "六", "7th", "8th","9th","10th"]
p = ['kijun_workspace = 1;','organisation = { name = "試験組織 テスト株式会社"; };','roles = ( );','governance = ( );']
p.append('services = ( { id = "svc-a"; name = "水道水の供給（全市域・二十四時間・三百六十五日）非常に長いサービス名の試験"; }, { id = "svc-b"; name = "B"; } );')
p.append('operations = ( { id = "op-a"; name = "運転"; services = [ "svc-a", "svc-b" ]; } );')
p.append('resources = ( { id = "res-a"; name = "中央監視制御システム（ＳＣＡＤＡ）第一系統と第二系統と予備系統"; kind = "ot"; operations = [ "op-a" ]; }, { id = "res-b"; name = "R\\x01B\\x1b[31m red"; kind = "it"; operations = [ "op-a" ]; } );')
def scale(n):
    out=[]
    for i in range(1,n+1):
        l = lab[(i-1)%len(lab)]
        out.append('{ level = %d; label = "%s"; definition = "%s"; }' % (i, esc(l), esc("定義"*40 + " level %d "%i + "x"*200)))
    return "( " + ", ".join(out) + " )"
p.append('criteria = { rule = "%s"; threshold = %d; impact = %s; likelihood = %s; };' % (rule, thr, scale(nimp), scale(nlik)))
open(ws+"/profile.cfg","w").write("\n".join(p)+"\n")
open(ws+"/checklist.cfg","w").write("kijun_workspace = 1;\nentries = ( );\n")
r = ['kijun_workspace = 1;', 'round = { date = "2026-06-01"; purpose = "p"; rule = "%s"; threshold = %d; services = [ "svc-a", "svc-b" ]; resources = [ "res-a", "res-b" ]; };' % (rule, thr), 'risks = (']
random.seed(1)
titles = ["全角文字の非常に長いリスク名称"*5, "A"*300, "Tab\there", "Zero\u200bwidth\u202eRTL override", "Emoji 🔥🔥🔥 wide", "ｱｲｳｴｵ half-width kana", "combining e\u0301\u0301\u0301", "short"]
rs=[]
for i in range(nrisk):
    t = titles[i % len(titles)] + " #%d" % i
    im = random.randint(1,nimp); li = random.randint(1,nlik)
    d = random.choice(["mitigate","accept","avoid","transfer",""])
    own = random.choice(["", "情報システム部長（全社統括責任者）兼ＣＩＳＯ補佐", "Ops", "x"*100])
    due = random.choice(["", "2026-08-31", "2027-01-01", "2026-09-01"])
    e = '{ id = "risk-%d"; title = "%s"; resource = "%s"; service = "%s"; impact = %d; likelihood = %d; inherent_impact = %d; inherent_likelihood = %d;' % (i, esc(t), random.choice(["res-a","res-b"]), random.choice(["svc-a","svc-b"]), im, li, nimp, nlik)
    if d: e += ' decision = "%s";' % d
    if own: e += ' owner = "%s";' % esc(own)
    if due: e += ' due = "%s";' % due
    e += ' scenario = "%s"; measures = "%s"; }' % (esc("シナリオ"*100), esc("対策 "*50))
    rs.append(e)
r.append(",\n".join(rs)); r.append(");")
open(ws+"/assessments/r1.cfg","w").write("\n".join(r)+"\n")
