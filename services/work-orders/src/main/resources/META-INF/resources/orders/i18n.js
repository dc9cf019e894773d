/* The work-order pages' texts (contractor's phone page and staff verification queue): zh-CN first, English on the switch. */
window.Cunjian.messages({
  'zh-CN': {
    'sign-out': '退出', 'contractor.title': '我的工单', 'staff.title': '待验收工单',
    'status.ASSIGNED': '已派单', 'status.IN_PROGRESS': '施工中', 'status.REJECTED': '已退回', 'status.COMPLETED': '已完工待验收',
    'status.VERIFIED': '已验收', 'status.CANCELLED': '已取消', 'status.ISSUED': '已下达', 'status.DRAFT': '草稿',
    'overdue': '已逾期', 'due': '截止 {0}', 'planned': '计划 {0} {1}', 'actual': '实际 {0} {1}', 'start': '开工',
    'complete': '完工上报', 'quantity': '实际完成数量', 'photos': '现场照片', 'notes': '备注', 'submit': '提交',
    'cancel': '取消', 'pending': '待发送：网络恢复后自动重试（不会重复提交）', 'storage-full': '手机存储空间不足，未能保存本次提交：请清理空间或减少照片后重试', 'sending': '正在发送…',
    'delivered': '已送达', 'failed': '未能提交：{0}', 'offline': '当前无网络，完工信息已保存在手机上',
    'no-orders': '暂无工单', 'need-photo': '请至少拍一张照片', 'need-quantity': '请填写实际完成数量',
    'verify': '验收通过', 'reject': '退回', 'reason': '退回原因', 'need-reason': '请填写退回原因',
    'verified-quantity': '验收数量（{0}，不超过上报数量）', 'reason-label': '原因（退回或验收数量少于上报时必填）',
    'flag.TAKEN_BEFORE_START': '拍摄时间早于开工', 'flag.FAR_FROM_SITE': '拍摄地点离现场较远', 'flag.NO_TIME': '照片无拍摄时间',
    'flag.NO_POSITION': '照片无位置信息', 'no-flags': '照片核查无异常', 'queue.empty': '没有待验收的工单',
    'completed-at': '完工于 {0}', 'village': '村 {0}', 'contractor': '施工单位 {0}', 'verified': '已验收', 'rejected': '已退回',
    'retry': '重试', 'error': '出错了：{0}', 'unit.LAMP': '盏', 'unit.PIECE': '个', 'unit.METRE': '米', 'unit.PLANT': '株',
    'unit.JIN': '斤', 'unit.SITE': '处', 'unit.SET': '套', 'unit.BOARD': '块', 'unit.BENCH': '条'
  },
  'en': {
    'sign-out': 'Sign out', 'contractor.title': 'My work orders', 'staff.title': 'Orders to verify',
    'status.ASSIGNED': 'Assigned', 'status.IN_PROGRESS': 'In progress', 'status.REJECTED': 'Rejected',
    'status.COMPLETED': 'Completed, to verify', 'status.VERIFIED': 'Verified', 'status.CANCELLED': 'Cancelled',
    'status.ISSUED': 'Issued', 'status.DRAFT': 'Draft',
    'overdue': 'Overdue', 'due': 'Due {0}', 'planned': 'Planned {0} {1}', 'actual': 'Actual {0} {1}', 'start': 'Start',
    'complete': 'Report completion', 'quantity': 'Quantity actually done', 'photos': 'Site photos', 'notes': 'Notes',
    'submit': 'Submit', 'cancel': 'Cancel', 'pending': 'Pending: kept on this phone and retried when the network is back (never sent twice)', 'storage-full': 'This phone\'s storage is full, so the completion was not kept: free some space or take fewer photos and try again',
    'sending': 'Sending…', 'delivered': 'Delivered', 'failed': 'Not accepted: {0}',
    'offline': 'No network: the completion is saved on this phone', 'no-orders': 'No work orders',
    'need-photo': 'Take at least one photo', 'need-quantity': 'Enter the quantity actually done',
    'verify': 'Verify', 'reject': 'Reject', 'reason': 'Reason for rejecting', 'need-reason': 'Give a reason',
    'verified-quantity': 'Quantity verified ({0}, at most the reported one)',
    'reason-label': 'Reason (needed to reject or to verify less than reported)',
    'flag.TAKEN_BEFORE_START': 'Taken before the work started', 'flag.FAR_FROM_SITE': 'Taken far from the site',
    'flag.NO_TIME': 'No capture time in the photo', 'flag.NO_POSITION': 'No position in the photo',
    'no-flags': 'Photo checks found nothing', 'queue.empty': 'Nothing to verify',
    'completed-at': 'Completed {0}', 'village': 'Village {0}', 'contractor': 'Contractor {0}', 'verified': 'Verified',
    'rejected': 'Rejected', 'retry': 'Retry', 'error': 'Something went wrong: {0}',
    'unit.LAMP': 'lamps', 'unit.PIECE': 'pieces', 'unit.METRE': 'm', 'unit.PLANT': 'plants', 'unit.JIN': 'jin',
    'unit.SITE': 'sites', 'unit.SET': 'sets', 'unit.BOARD': 'boards', 'unit.BENCH': 'benches'
  }
});
