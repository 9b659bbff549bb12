/**
 * Housing stock (房源, issue 12): estates (小区/项目) of public rental (公租房) and affordable rental (保租房) housing,
 * their buildings and dwellings with a status that has an effective date; counts per county and month (房源总数,
 * 已分配, 已入住, 空置, 维修, 分配率, 入住率) and the 录入率 of the historic stock against a total the level above sets;
 * XLSX import (preview, then all-or-nothing commit) and export in one layout. {@link org.anju.rental.stock.Stock} is
 * the service, and checks access itself.
 */
package org.anju.rental.stock;
