rem *****
rem *          stop.bat          *
rem *                               *
rem *****

rem *****
rem 起動要因チェック
rem *****
IF "%CLP_EVENT%" == "START" GOTO NORMAL


IF "%CLP_EVENT%" == "FAILOVER" GOTO FAILOVER

rem CLUSTERPRO Server 未動作
GOTO no_arm

rem *****
rem 通常終了対応処理
rem *****
:NORMAL

rem ディスクチェック
IF "%CLP_DISK%" == "FAILURE" GOTO ERROR_DISK

rem *** JobCenter ***
ARMLoadC JOBSTART /W PAUSE
d:\JobCenter\SV\bin\cluster\cjcpw -stop testsite
ARMKILL JOBSTART

rem *****
rem 業務通常処理
rem *****

rem リソースの異常監視を終了
rem ARMLoadで起動したARMRSPの終了コマンド
rem watchIDはARMLoad指定時のものを使用する
rem (例) ARMKILL watchID

rem プライオリティチェック
IF "%CLP_SERVER%" == "OTHER" GOTO ON_OTHER1

rem *****
rem 最高プライオリティでの処理
rem (例) ARMBroadcast /MSG "最高プライオリティサーバで終了中です" /A
rem *****
GOTO EXIT

:ON_OTHER1
rem *****
rem 最高プライオリティ以外での処理
rem (例) ARMBroadcast /MSG "プライオリティサーバ以外で終了中です" /A
rem *****
GOTO EXIT

rem *****
rem フェイルオーバー対応処理
rem *****
:FAILOVER

rem ディスクチェック
IF "%CLP_DISK%" == "FAILURE" GOTO ERROR_DISK

rem *** JobCenter ***
ARMLoadC JOBSTART /W PAUSE
d:\JobCenter\SV\bin\cluster\cjcpw -stop testsite
ARMKILL JOBSTART

rem *****
rem フェイルオーバー後の業務起動ならびに復旧処理
rem *****

rem リソースの異常監視を終了
rem ARMLoadで起動したARMRSPの終了コマンド
rem watchIDはARMLoad指定時のものを使用する
rem (例) ARMKILL watchID

rem プライオリティチェック
IF "%CLP_SERVER%" == "OTHER" GOTO ON_OTHER2

rem *****
rem 最高プライオリティでの処理
rem (例) ARMBroadcast /MSG "最高プライオリティサーバで終了中です(フェイルオーバー後)" /A
rem *****
GOTO EXIT

:ON_OTHER2
rem *****
rem 最高プライオリティ以外での処理
rem (例) ARMBroadcast /MSG "プライオリティサーバ以外で終了中です(フェイルオーバー後)" /A
rem *****
GOTO EXIT

rem *****
rem 例外処理
rem *****

rem ディスク関連エラー処理
:ERROR_DISK
ARMBroadcast /MSG "切替パーティションの接続に失敗しました" /A
GOTO EXIT

rem ARM 未動作
:no_arm
ARMBroadcast /MSG "CLUSTERPRO Serverが動作状態にありません" /A

:EXIT
