# sourced by profile: prompt setup
PS1='\h:\w\$ '
export PS1
umask 022
echo "umask $(umask)"
