echo "Setting timezone..."
wget() { printf '<Response><Ip>203.0.113.9</Ip><TimeZone>Europe/Paris</TimeZone></Response>\n'; }
timedatectl() {
  case $1 in
    set-timezone) echo "$2" > .tz ;;
    status) printf '               Local time: Thu 2024-01-01 00:00:00 CET\n                Time zone: %s (CET, +0100)\n' "$(cat .tz)" ;;
  esac
}
export tz=`wget -qO - http://geoip.example/lookup | sed -n -e 's/.*<TimeZone>\(.*\)<\/TimeZone>.*/\1/p'` &&  timedatectl set-timezone $tz
export tz=`timedatectl status| grep zone | awk '{print $3}'`
echo "Timezone set to $tz"
