#!/bin/sh
# UI test: the heat map's line of the chosen cell is read whole when its
# levels have long labels (here 126 display columns of Japanese, twice: three lines at 132),
# wrapped over the lines it needs, at 80x24 and 132x43, in English and
# Japanese; nothing past the edge.
. "$KIJUN_TESTS/ui/lib.sh"

ws=$(mktemp -d /tmp/kijun-ui-heatlong-XXXXXX)
trap 'rm -rf "$ws"; t kill-server >/dev/null 2>&1 || true' EXIT
python3 "$KIJUN_TESTS/ui/mkhostile.py" "$ws/w" 5 5 product 10 8
long="極めて重大な影響を及ぼす全国規模の長時間停止と人命への被害"
sed -i "s/$long/${long}、および社会経済活動の全面的な麻痺ならびに近隣事業者への連鎖的な波及/g" "$ws/w/profile.cfg"
long="${long}、および社会経済活動の全面的な麻痺ならびに近隣事業者への連鎖的な波及"
UI_ENV="KIJUN_TODAY=2026-09-01 HOME=$ws"

# the cell's line from "Cell:" to the blank line after it, spaces removed
# (English wraps at them, Japanese anywhere)
cell_text() {
    ui_screen | awk -v h="$1" 'index($0, h) == 1 { on = 1 } on && /^ *$/ { exit } on { printf "%s", $0 }' | tr -d ' '
}

for size in "80 24" "132 43"; do
    for lang in en ja; do
        ui_start $size --lang $lang "$ws/w"
        ui_wait "kijun"
        ui_keys 5 Enter m
        if [ $lang = en ]; then
            head="Cell: " want="Cell:Impact1(${long})xLikelihood1(${long})=1,0risks"
        else
            head="セル: " want="セル:影響度1(${long})x発生頻度1(${long})=1、リスク0件"
        fi
        got=$(cell_text "$head")
        [ "$got" = "$want" ]; ui_result $? "$lang ${size% *} columns: the cell's line whole, both labels and the count ($got)"
        ui_check_fit "${size% *}" "$lang ${size% *} columns: every line fits"
        ui_keys Q
        ui_stop
    done
done
ui_done
